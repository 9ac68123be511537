import type { RefObject } from 'react';
import { Button, mergeClasses } from '@fluentui/react-components';
import type { CaseView } from '../../domain/caseview';
import type { ReviewAction } from '../../domain/review';
import { caseName } from './CaseList';
import { CaseNav } from './CaseNav';
import { InlineNotice, type Notice } from './InlineNotice';
import { NoBreakDates } from './NoBreakDates';
import { SEVERITY_LABEL } from './ProblemsList';
import { QuestionCard } from './QuestionCard';
import { useStyles } from './styles';

export type OpenForm = { readonly question: string; readonly kind: 'ret' | 'tilbagekald' };

/** The open case: sticky next/previous, its facts, problems and questions, and "Godkend resterende". */
export function CaseDetail(props: {
  view: CaseView;
  caseSheetName: string;
  idBase: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  position: string;
  atStart: boolean;
  atEnd: boolean;
  busy: boolean;
  form: OpenForm | null;
  /** The last review action's refusal or warning, and where it came from (a question id or "rest"). */
  refusal: { at: string; notice: Notice } | null;
  onStep: (dir: 1 | -1) => void;
  onSelectRow: (() => void) | null;
  selectCell: ((sheet: string, cell: string) => void) | null;
  onApprove: (questionId: string) => void;
  onOpenForm: (form: OpenForm) => void;
  onCloseForm: () => void;
  onSubmit: (questionId: string, action: ReviewAction) => Promise<boolean>;
  onApproveRest: () => void;
}) {
  const s = useStyles();
  const { view } = props;
  const name = caseName(view);
  const refusalAt = (at: string) => (props.refusal?.at === at ? props.refusal.notice : null);
  return (
    <section className={s.caseDetail} aria-labelledby={`${props.idBase}-sag`}>
      <CaseNav
        position={props.position}
        atStart={props.atStart}
        atEnd={props.atEnd}
        onStep={props.onStep}
        onSelectRow={props.onSelectRow}
      />
      <h3 id={`${props.idBase}-sag`} ref={props.headingRef} tabIndex={-1} className={s.h3}>
        {name}
      </h3>
      <dl className={s.facts}>
        <dt>Foranstaltning</dt>
        <dd>{view.measure}</dd>
        <dt>Række</dt>
        <dd>
          {props.caseSheetName}, række {view.row}
        </dd>
        <dt>Cpr.nr.</dt>
        <dd className={s.nowrap}>{view.cprMasked ?? 'ikke angivet'}</dd>
        <dt>Status</dt>
        <dd>{view.status}</dd>
        <dt>Udvælgelse</dt>
        <dd>
          <NoBreakDates text={view.selection} />
        </dd>
        <dt>Gennemgået</dt>
        <dd>
          {view.reviewedQuestions} af {view.questions.length} spørgsmål
        </dd>
      </dl>
      <p className={s.muted}>Genvej: Alt+Page Down giver næste sag, Alt+Page Up forrige sag.</p>
      {view.blocked !== null && <p className={mergeClasses(s.problem, s.error)}>{view.blocked}</p>}
      {view.problems.length > 0 && (
        <ul className={s.list} aria-label={`Problemer i ${name}`}>
          {view.problems.map((p, i) => (
            <li key={`${p.code}-${i}`} className={mergeClasses(s.problem, s[p.severity])}>
              <strong>{SEVERITY_LABEL[p.severity]}:</strong> <NoBreakDates text={p.message} />
            </li>
          ))}
        </ul>
      )}
      <ol className={s.questions} aria-label={`Spørgsmål i ${name}`}>
        {view.questions.map((q) => (
          <QuestionCard
            key={`${view.index}-${q.id}`}
            idBase={`${props.idBase}-q-${q.id.replace('.', '-')}`}
            q={q}
            busy={props.busy}
            blocked={view.blocked !== null}
            form={props.form?.question === q.id ? props.form.kind : null}
            refusal={refusalAt(q.id)}
            selectCell={props.selectCell}
            onApprove={() => props.onApprove(q.id)}
            onOpenForm={(kind) => props.onOpenForm({ question: q.id, kind })}
            onCloseForm={props.onCloseForm}
            onSubmit={(action) => props.onSubmit(q.id, action)}
          />
        ))}
      </ol>
      {view.notRelevant.length > 0 && (
        <p className={s.muted}>Ikke relevant for sagen: {view.notRelevant.join(', ')}.</p>
      )}
      {view.sagsnr !== null && view.blocked === null && (
        <div className={s.row}>
          <Button disabledFocusable={props.busy} onClick={props.onApproveRest}>
            Godkend resterende spørgsmål
          </Button>
        </div>
      )}
      <InlineNotice notice={refusalAt('rest')} />
    </section>
  );
}
