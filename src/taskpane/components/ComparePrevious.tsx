import { useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneState } from './usePane';
import { useStyles } from './styles';

/** The file button in the pane's secondary look (the primary one is "Kør kontrol"). */
const useCompareStyles = makeStyles({
  fileLabel: {
    display: 'inline-flex',
    alignItems: 'center',
    minHeight: '32px',
    padding: '0 12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    cursor: 'pointer',
    ':focus-within': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

/**
 * "Sammenlign med tidligere resultat" (issue 12, item 2), in both modes: a result workbook (.xlsx)
 * or the JSON of `barometer check --json` is read in the pane (never changed), and the check runs
 * again, so the overview here and Overblik (when the tables are built) show Sidst and Ændring.
 */
export function ComparePrevious({ pane }: { pane: PaneState }) {
  const s = useStyles();
  const c = useCompareStyles();
  const [name, setName] = useState<string | null>(null);
  const controller = pane.controller;
  const busy = pane.busy !== null;
  if (!controller || !pane.check) return null;
  // The check's own rows tell whether it was compared (this component may have been remounted).
  const compared = pane.check.overview.some((o) => o.previous !== undefined);
  const shownName = compared ? (name ?? 'et tidligere resultat') : null;

  const choose = async (file: File) => {
    const ok = await pane.runAction('check', 'Læser det tidligere resultat …', async () => {
      setName(await controller.compare(await file.arrayBuffer(), file.name));
    });
    if (ok) pane.runCheck();
  };
  const stop = async () => {
    const ok = await pane.runAction('check', 'Fjerner sammenligningen …', async () => {
      setName(await controller.compare(null, ''));
    });
    if (ok) pane.runCheck();
  };

  return (
    <div className={s.panel}>
      <h3 className={s.h3}>Sammenlign med tidligere resultat</h3>
      <p className={s.muted}>
        {shownName === null
          ? 'Vælg resultatfilen (.xlsx) eller JSON-filen fra en tidligere kontrol. Overblikket får kolonnerne Sidst og Ændring (procentpoint); filen ændres ikke.'
          : `Sammenlignet med ${shownName}. Byg tabellerne igen, så arket Overblik også får Sidst og Ændring.`}
      </p>
      <div className={s.row}>
        <label className={c.fileLabel}>
          {shownName === null ? 'Vælg tidligere resultat' : 'Vælg et andet resultat'}
          <input
            type="file"
            accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={s.visuallyHidden}
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file && !busy) void choose(file);
            }}
          />
        </label>
        {shownName !== null && (
          <Button onClick={() => void stop()} disabledFocusable={busy}>
            Fjern sammenligning
          </Button>
        )}
      </div>
    </div>
  );
}
