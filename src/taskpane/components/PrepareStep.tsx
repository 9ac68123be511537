import { Button } from '@fluentui/react-components';
import { InlineNotice } from './InlineNotice';
import { SettingsForm } from './SettingsForm';
import { StepHeading } from './StepHeading';
import type { PaneState } from './usePane';
import { useStyles } from './styles';

/** Step 1, Forbered: the workbook (standalone), the template and the settings. */
export function PrepareStep(props: { pane: PaneState; standalone: boolean; onNext: () => void }) {
  const s = useStyles();
  const { pane } = props;
  const busy = pane.busy !== null;
  return (
    <>
      <StepHeading step="forbered">Forbered</StepHeading>
      {props.standalone && (
        <div className={s.panel}>
          <h3 className={s.h3}>Projektmappe</h3>
          <p className={s.muted}>
            {pane.session ? `Åben: ${pane.session.name}` : 'Ingen projektmappe er åben endnu.'}
          </p>
          <div className={s.row}>
            <label className={s.fileLabel}>
              Åbn projektmappe
              <input
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                className={s.visuallyHidden}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file && !busy) pane.openFile(file);
                }}
              />
            </label>
            <Button onClick={pane.openExample} disabledFocusable={busy}>
              Brug eksempel
            </Button>
          </div>
          <InlineNotice notice={pane.notices.open} />
        </div>
      )}

      <div className={s.panel}>
        <h3 className={s.h3}>Skabelon</h3>
        <p className={s.muted}>
          Opretter arkene Sagsoversigt (Bilag 1) og Indstillinger, klar til at blive udfyldt.
        </p>
        <div className={s.row}>
          <Button
            onClick={pane.createTemplate}
            disabled={!pane.session && !props.standalone}
            disabledFocusable={busy}
          >
            Opret skabelon
          </Button>
        </div>
        <InlineNotice notice={pane.notices.template} />
      </div>

      <div className={s.panel}>
        <h3 className={s.h3} id="indstillinger-titel">
          Indstillinger
        </h3>
        {pane.session && pane.form ? (
          <SettingsForm
            form={pane.form}
            errors={pane.fieldErrors}
            dirty={pane.settingsDirty}
            busy={busy}
            onChange={(f) => {
              pane.setForm(f);
              pane.setFieldErrors({});
            }}
            onSave={pane.saveSettings}
            notice={<InlineNotice notice={pane.notices.settings} />}
          />
        ) : (
          <p className={s.muted}>Åbn en projektmappe for at se og ændre indstillingerne.</p>
        )}
      </div>
      {pane.session && (
        <div className={s.row}>
          <Button onClick={props.onNext}>Videre til Kontrol</Button>
        </div>
      )}
    </>
  );
}
