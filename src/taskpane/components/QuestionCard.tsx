import { useRef } from 'react';
import { Button, mergeClasses } from '@fluentui/react-components';
import type { QuestionView } from '../../domain/caseview';
import type { ReviewAction } from '../../domain/review';
import { CorrectionForm } from './CorrectionForm';
import { InlineNotice, type Notice } from './InlineNotice';
import { NoBreakDates } from './NoBreakDates';
import { SEVERITY_LABEL } from './ProblemsList';
import { useStyles } from './styles';

/** The review status as the pane shows it; a withdrawal also says which answer applies now. */
export function statusText(q: QuestionView): string {
  return q.status === 'rettelse trukket tilbage' ? `${q.status} (det beregnede svar gælder)` : q.status;
}

/** One question of the open case: answer, reason, source cells, and Godkend / Ret / Træk tilbage. */
export function QuestionCard(props: {
  idBase: string;
  q: QuestionView;
  busy: boolean;
  blocked: boolean;
  form: 'ret' | 'tilbagekald' | null;
  refusal: Notice | null;
  selectCell: ((sheet: string, cell: string) => void) | null;
  onApprove: () => void;
  onOpenForm: (kind: 'ret' | 'tilbagekald') => void;
  onCloseForm: () => void;
  onSubmit: (action: ReviewAction) => Promise<boolean>;
}) {
  const s = useStyles();
  const { q, idBase } = props;
  const retRef = useRef<HTMLButtonElement>(null);
  const withdrawRef = useRef<HTMLButtonElement>(null);
  const titleId = `${idBase}-titel`;
  const close = (kind: 'ret' | 'tilbagekald') => {
    props.onCloseForm();
    requestAnimationFrame(() => (kind === 'ret' ? retRef : withdrawRef).current?.focus());
  };
  const disabled = props.busy || props.blocked;
  const approved = q.status === 'godkendt';
  return (
    <li className={s.question}>
      <article aria-labelledby={titleId}>
        <h4 id={titleId} className={s.h4}>
          {q.columnHeader}
        </h4>
        <p className={s.answer}>
          <span className={s.label}>Svar:</span> <strong>{q.answer}</strong>
          {q.corrected && ` (rettet fra "${q.computedAnswer}")`}
        </p>
        <p>
          <span className={s.label}>
            {q.corrected ? 'Begrundelse for det beregnede svar:' : 'Begrundelse:'}
          </span>{' '}
          <NoBreakDates text={q.computedReason} />
        </p>
        <p>
          <span className={s.label}>Gennemgang:</span> {statusText(q)}
          {q.line && (
            <>
              {' – '}
              <NoBreakDates text={q.line.text} /> (Gennemgang række {q.line.logRow})
            </>
          )}
        </p>
        {q.problems.map((p, i) => (
          <p key={`${p.code}-${i}`} className={mergeClasses(s.problem, s[p.severity])}>
            <strong>{SEVERITY_LABEL[p.severity]}:</strong> <NoBreakDates text={p.message} />
          </p>
        ))}
        <details className={s.details}>
          <summary>Kildeceller ({q.sources.length})</summary>
          <ul className={s.sources}>
            {q.sources.map((src) => {
              const text = `${src.column}: ${src.value}${src.cell ? ` (${src.sheet}!${src.cell})` : ' (kolonnen findes ikke)'}`;
              const select = props.selectCell;
              return (
                <li key={src.column}>
                  {select && src.cell ? (
                    <Button
                      appearance="transparent"
                      size="small"
                      className={s.sourceButton}
                      onClick={() => select(src.sheet, src.cell as string)}
                    >
                      <NoBreakDates text={text} />
                    </Button>
                  ) : (
                    <NoBreakDates text={text} />
                  )}
                </li>
              );
            })}
          </ul>
        </details>
        <div className={s.row}>
          {q.canApprove && (
            <Button
              appearance="primary"
              aria-describedby={titleId}
              disabledFocusable={disabled || approved}
              title={approved ? 'Spørgsmålet er allerede godkendt.' : undefined}
              onClick={props.onApprove}
            >
              Godkend
            </Button>
          )}
          <Button
            ref={retRef}
            aria-describedby={titleId}
            aria-expanded={props.form === 'ret'}
            disabledFocusable={disabled}
            onClick={() => (props.form === 'ret' ? close('ret') : props.onOpenForm('ret'))}
          >
            Ret
          </Button>
          {q.canWithdraw && (
            <Button
              ref={withdrawRef}
              aria-describedby={titleId}
              aria-expanded={props.form === 'tilbagekald'}
              disabledFocusable={disabled}
              onClick={() =>
                props.form === 'tilbagekald' ? close('tilbagekald') : props.onOpenForm('tilbagekald')
              }
            >
              Træk rettelse tilbage
            </Button>
          )}
        </div>
        {!props.form && <InlineNotice notice={props.refusal} />}
        {props.form && (
          <CorrectionForm
            key={props.form}
            kind={props.form}
            q={q}
            busy={props.busy}
            refusal={props.refusal}
            onCancel={() => close(props.form ?? 'ret')}
            onSubmit={async (action) => {
              const kind = props.form ?? 'ret';
              if (await props.onSubmit(action))
                requestAnimationFrame(() => (kind === 'ret' ? retRef : withdrawRef).current?.focus());
            }}
          />
        )}
      </article>
    </li>
  );
}
