import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { Button, Field, Input, Radio, RadioGroup, Textarea, mergeClasses } from '@fluentui/react-components';
import {
  CASE_FILTER_LABEL,
  caseList,
  caseView,
  filterCases,
  neighbour,
  progressText,
  type CaseFilter,
  type CaseListItem,
  type QuestionView,
} from '../../domain/caseview';
import type { ReviewAction, ReviewTarget } from '../../domain/review';
import type { Report } from '../../domain/types';
import { SEVERITY_LABEL } from './ProblemsList';
import { useStyles } from './styles';

/** What the case view needs from the pane (the controller's use cases, bound in App). */
export interface CaseReviewActions {
  /** Appends the line; resolves to true when it was written. */
  review(target: ReviewTarget, action: ReviewAction): Promise<boolean>;
  approveRest(sagsnr: number): Promise<boolean>;
  /** Saves the initials; resolves to true when saved. */
  saveInitials(text: string): Promise<boolean>;
  /** Moves Excel's selection to the case's row; null when the workbook cannot select (standalone). */
  selectCase: ((index: number) => void) | null;
  /** Selects a source cell in Excel; null when the workbook cannot select. */
  selectCell: ((sheet: string, cell: string) => void) | null;
  /**
   * Opens the case of the row the user selects in Excel; resolves to a function that stops it.
   * null when the workbook does not report selections (standalone).
   */
  watchCases: ((onCase: (index: number) => void) => Promise<() => Promise<void>>) | null;
}

const FIRST_SHOWN = 200;
const NEXT_KEYS = 'Alt+PageDown';
const PREVIOUS_KEYS = 'Alt+PageUp';

const caseName = (i: CaseListItem | { sagsnr: number | null; row: number }): string =>
  i.sagsnr === null ? `Sagen i række ${i.row}` : `Sag ${i.sagsnr}`;

type Form = { readonly question: string; readonly kind: 'ret' | 'tilbagekald' };

/**
 * The reviewer's case view (issue "Reviewer workflow"): progress, initials, the filterable case
 * list, and the open case with its questions, each to approve ("Godkend") or correct ("Ret").
 * Renders the pure case view model (src/domain/caseview.ts); every write goes through `actions`.
 */
export function CaseReview(props: { report: Report; busy: boolean; actions: CaseReviewActions }) {
  const s = useStyles();
  const { report, busy, actions } = props;
  const [filter, setFilter] = useState<CaseFilter>('alle');
  const [index, setIndex] = useState<number | null>(report.cases.length > 0 ? 0 : null);
  const [said, setSaid] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [form, setForm] = useState<Form | null>(null);
  const [askInitials, setAskInitials] = useState(false);
  const [focusHeading, setFocusHeading] = useState(0);
  const pending = useRef<(() => void) | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const initialsRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const ids = useId();

  const items = useMemo(() => caseList(report), [report]);
  const shown = useMemo(() => filterCases(items, filter), [items, filter]);
  const view = index === null ? null : caseView(report, index);
  const initials = report.settings.initialer;
  const needInitials = initials === null || askInitials;

  // A case index beyond the list (cases removed and checked again) falls back to the first case.
  useEffect(() => {
    if (index !== null && index >= report.cases.length) setIndex(report.cases.length > 0 ? 0 : null);
  }, [index, report.cases.length]);

  useEffect(() => {
    if (focusHeading > 0) headingRef.current?.focus();
  }, [focusHeading]);

  const describe = useCallback(
    (i: number): string => {
      const item = items[i];
      if (!item) return '';
      const pos = shown.findIndex((x) => x.index === i);
      const where = pos < 0 ? 'uden for filteret' : `${pos + 1} af ${shown.length}`;
      return `${caseName(item)} vises (${where}): ${item.measure}, ${item.status}.`;
    },
    [items, shown],
  );

  const indexRef = useRef(index);
  indexRef.current = index;

  /**
   * Opens a case. how: 'list' moves focus to the case heading; the others leave focus where it is.
   * A selection in Excel on the open case's own row changes nothing (an open form keeps its text).
   */
  const open = useCallback(
    (i: number, how: 'list' | 'step' | 'excel') => {
      if (how === 'excel' && i === indexRef.current) return;
      setIndex(i);
      setForm(null);
      setSaid(describe(i));
      if (how === 'list') setFocusHeading((n) => n + 1);
      if (how !== 'excel') actions.selectCase?.(i);
    },
    [actions, describe],
  );

  // A row selected in Excel opens its case (Excel only).
  const watch = actions.watchCases;
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    if (!watch) return undefined;
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    void watch((i) => openRef.current(i, 'excel')).then((f) => {
      if (cancelled) void f();
      else stop = f;
    });
    return () => {
      cancelled = true;
      if (stop) void stop();
    };
  }, [watch, report.caseSheet.name]);

  const step = useCallback(
    (dir: 1 | -1) => {
      const next = neighbour(shown, index, dir);
      if (next === null) {
        setSaid(dir === 1 ? 'Der er ingen næste sag i listen.' : 'Der er ingen forrige sag i listen.');
        return;
      }
      open(next, 'step');
    },
    [shown, index, open],
  );

  // Alt+PageDown / Alt+PageUp anywhere in the pane: next / previous case.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'PageDown' && e.key !== 'PageUp')) return;
      e.preventDefault();
      step(e.key === 'PageDown' ? 1 : -1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [step]);

  /** Runs an action that writes to the log, asking for the initials first when there are none. */
  const withInitials = (run: () => void) => {
    if (initials !== null && !askInitials) {
      run();
      return;
    }
    pending.current = run;
    setAskInitials(true);
    setSaid('Skriv dine initialer først; de gemmes i arket Indstillinger.');
    requestAnimationFrame(() => initialsRef.current?.focus());
  };

  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const buttons = Array.from(
      listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-case]') ?? [],
    );
    const at = buttons.findIndex((b) => b === document.activeElement);
    if (at < 0) return;
    const to =
      e.key === 'ArrowDown'
        ? Math.min(at + 1, buttons.length - 1)
        : e.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? buttons.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    buttons[to]?.focus();
  };

  const visible = showAll ? shown : shown.slice(0, FIRST_SHOWN);
  const rovingIndex = visible.some((i) => i.index === index) ? index : (visible[0]?.index ?? null);
  const atStart = neighbour(shown, index, -1) === null;
  const atEnd = neighbour(shown, index, 1) === null;

  return (
    <div className={s.review}>
      <p className={s.progress}>
        <strong>{progressText(report)}</strong>
      </p>
      <p className={s.muted}>
        Godkend eller ret hvert spørgsmål. Hver godkendelse og rettelse skrives som en ny linje i arket
        Gennemgang, og sagens kolonner i {report.caseSheet.name} viser rettelsen med det samme; tabellerne,
        overblikket og notatet opdateres, når du vælger Byg tabeller.
      </p>

      {needInitials ? (
        <InitialsForm
          inputRef={initialsRef}
          initial={initials ?? ''}
          busy={busy}
          onCancel={
            initials !== null
              ? () => {
                  setAskInitials(false);
                  pending.current = null;
                }
              : null
          }
          onSave={async (text) => {
            if (!(await actions.saveInitials(text))) return;
            setAskInitials(false);
            setSaid('Dine initialer er gemt.');
            const run = pending.current;
            pending.current = null;
            run?.();
          }}
        />
      ) : (
        <p className={s.row}>
          <span>
            Initialer: <strong>{initials}</strong>
          </span>
          <Button size="small" onClick={() => setAskInitials(true)} disabledFocusable={busy}>
            Skift initialer
          </Button>
        </p>
      )}

      <RadioGroup
        layout="horizontal"
        aria-label="Vis sager"
        value={filter}
        onChange={(_, d) => {
          setFilter(d.value as CaseFilter);
          setShowAll(false);
        }}
      >
        {(Object.keys(CASE_FILTER_LABEL) as CaseFilter[]).map((f) => (
          <Radio key={f} value={f} label={CASE_FILTER_LABEL[f]} />
        ))}
      </RadioGroup>
      <p className={s.muted} id={`${ids}-antal`}>
        {shown.length === 1 ? '1 sag' : `${shown.length} sager`} i listen. Piletasterne flytter mellem
        sagerne.
      </p>
      {shown.length > 0 && (
        <ul
          ref={listRef}
          className={s.caseList}
          aria-label="Sager"
          aria-describedby={`${ids}-antal`}
          onKeyDown={onListKey}
        >
          {visible.map((item) => (
            <li key={item.index}>
              <Button
                data-case={item.index}
                appearance={item.index === index ? 'primary' : 'subtle'}
                className={s.caseButton}
                aria-current={item.index === index ? 'true' : undefined}
                tabIndex={item.index === rovingIndex ? 0 : -1}
                onClick={() => open(item.index, 'list')}
              >
                <span>
                  <strong>{caseName(item)}</strong> – {item.status}
                  {item.problems > 0 &&
                    ` – ${item.problems} ${item.problems === 1 ? 'problem' : 'problemer'}`}
                  <br />
                  {item.measure}
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {!showAll && shown.length > FIRST_SHOWN && (
        <Button onClick={() => setShowAll(true)}>Vis alle {shown.length} sager</Button>
      )}

      <p role="status" className={s.visuallyHidden}>
        {said}
      </p>

      {view && (
        <section className={s.caseDetail} aria-labelledby={`${ids}-sag`}>
          <h3 id={`${ids}-sag`} ref={headingRef} tabIndex={-1} className={s.h3}>
            {caseName(view)}
          </h3>
          <dl className={s.facts}>
            <dt>Foranstaltning</dt>
            <dd>{view.measure}</dd>
            <dt>Række</dt>
            <dd>
              {report.caseSheet.name}, række {view.row}
            </dd>
            <dt>Cpr.nr.</dt>
            <dd>{view.cprMasked ?? 'ikke angivet'}</dd>
            <dt>Status</dt>
            <dd>{view.status}</dd>
            <dt>Udvælgelse</dt>
            <dd>{view.selection}</dd>
            <dt>Gennemgået</dt>
            <dd>
              {view.reviewedQuestions} af {view.questions.length} spørgsmål
            </dd>
          </dl>
          <div className={s.row} role="group" aria-label="Skift sag">
            <Button onClick={() => step(-1)} disabledFocusable={atStart} aria-keyshortcuts={PREVIOUS_KEYS}>
              Forrige sag
            </Button>
            <Button onClick={() => step(1)} disabledFocusable={atEnd} aria-keyshortcuts={NEXT_KEYS}>
              Næste sag
            </Button>
            {actions.selectCase && (
              <Button onClick={() => actions.selectCase?.(view.index)}>Markér rækken i Excel</Button>
            )}
          </div>
          <p className={s.muted}>Genvej: Alt+Page Down giver næste sag, Alt+Page Up forrige sag.</p>
          {view.blocked !== null && <p className={mergeClasses(s.problem, s.error)}>{view.blocked}</p>}
          {view.problems.length > 0 && (
            <ul className={s.list} aria-label={`Problemer i ${caseName(view)}`}>
              {view.problems.map((p, i) => (
                <li key={`${p.code}-${i}`} className={mergeClasses(s.problem, s[p.severity])}>
                  <strong>{SEVERITY_LABEL[p.severity]}:</strong> {p.message}
                </li>
              ))}
            </ul>
          )}
          <ol className={s.questions} aria-label={`Spørgsmål i ${caseName(view)}`}>
            {view.questions.map((q) => (
              <QuestionCard
                key={`${view.index}-${q.id}`}
                idBase={`${ids}-q-${q.id.replace('.', '-')}`}
                q={q}
                busy={busy}
                blocked={view.blocked !== null}
                form={form?.question === q.id ? form.kind : null}
                selectCell={actions.selectCell}
                onApprove={() =>
                  withInitials(() => {
                    void actions
                      .review(
                        { sagsnr: view.sagsnr as number, question: q.id, shown: q },
                        { kind: 'godkend' },
                      )
                      .then((ok) => ok && setSaid(`Spørgsmål ${q.id} er godkendt.`));
                  })
                }
                onOpenForm={(kind) => withInitials(() => setForm({ question: q.id, kind }))}
                onCloseForm={() => setForm(null)}
                onSubmit={async (action) => {
                  const ok = await actions.review(
                    { sagsnr: view.sagsnr as number, question: q.id, shown: q },
                    action,
                  );
                  if (ok) {
                    setForm(null);
                    setSaid(
                      action.kind === 'ret'
                        ? `Spørgsmål ${q.id} er rettet til "${action.to}".`
                        : `Rettelsen af spørgsmål ${q.id} er trukket tilbage.`,
                    );
                  }
                  return ok;
                }}
              />
            ))}
          </ol>
          {view.notRelevant.length > 0 && (
            <p className={s.muted}>Ikke relevant for sagen: {view.notRelevant.join(', ')}.</p>
          )}
          {view.sagsnr !== null && view.blocked === null && (
            <Button
              disabledFocusable={busy}
              onClick={() =>
                withInitials(() => {
                  void actions
                    .approveRest(view.sagsnr as number)
                    .then((ok) => ok && setSaid(`De resterende spørgsmål i ${caseName(view)} er godkendt.`));
                })
              }
            >
              Godkend resterende spørgsmål
            </Button>
          )}
        </section>
      )}
    </div>
  );
}

function InitialsForm(props: {
  inputRef: RefObject<HTMLInputElement | null>;
  initial: string;
  busy: boolean;
  onSave: (text: string) => Promise<void>;
  onCancel: (() => void) | null;
}) {
  const s = useStyles();
  const [text, setText] = useState(props.initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void props.onSave(text);
  };
  return (
    <form className={s.form} onSubmit={submit} aria-label="Initialer til loggen">
      <Field
        label="Initialer"
        hint="Spørges kun én gang. Gemmes i arket Indstillinger og skrives i Gennemgang ved hver godkendelse og rettelse."
      >
        <Input
          ref={props.inputRef}
          value={text}
          onChange={(_, d) => setText(d.value)}
          autoComplete="off"
          maxLength={10}
        />
      </Field>
      <div className={s.row}>
        <Button type="submit" appearance="primary" disabledFocusable={props.busy}>
          Gem initialer
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>Annuller</Button>}
      </div>
    </form>
  );
}

function QuestionCard(props: {
  idBase: string;
  q: QuestionView;
  busy: boolean;
  blocked: boolean;
  form: 'ret' | 'tilbagekald' | null;
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
          {q.computedReason}
        </p>
        <p>
          <span className={s.label}>Gennemgang:</span> {q.status}
          {q.line && ` – ${q.line.text} (Gennemgang række ${q.line.logRow})`}
        </p>
        {q.problems.map((p, i) => (
          <p key={`${p.code}-${i}`} className={mergeClasses(s.problem, s[p.severity])}>
            <strong>{SEVERITY_LABEL[p.severity]}:</strong> {p.message}
          </p>
        ))}
        <p className={s.label} id={`${idBase}-kilder`}>
          Kildeceller:
        </p>
        <ul className={s.sources} aria-labelledby={`${idBase}-kilder`}>
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
                    {text}
                  </Button>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
        <div className={s.row}>
          {q.canApprove && (
            <Button
              appearance="primary"
              aria-describedby={titleId}
              disabledFocusable={disabled}
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
        {props.form && (
          <CorrectionForm
            key={props.form}
            kind={props.form}
            q={q}
            busy={props.busy}
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

function CorrectionForm(props: {
  kind: 'ret' | 'tilbagekald';
  q: QuestionView;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (action: ReviewAction) => Promise<void>;
}) {
  const s = useStyles();
  const { q } = props;
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ to?: string; reason?: string }>({});
  const firstRef = useRef<HTMLDivElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    // Focus the first field when the form opens.
    const el = props.kind === 'ret' ? firstRef.current?.querySelector('input') : reasonRef.current;
    el?.focus();
  }, [props.kind]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: { to?: string; reason?: string } = {};
    if (props.kind === 'ret' && to === '') next.to = 'Vælg det rigtige svar.';
    if (reason.trim() === '') next.reason = 'Skriv en begrundelse; den gemmes i arket Gennemgang.';
    setErrors(next);
    if (next.to) {
      firstRef.current?.querySelector('input')?.focus();
      return;
    }
    if (next.reason) {
      reasonRef.current?.focus();
      return;
    }
    void props.onSubmit(props.kind === 'ret' ? { kind: 'ret', to, reason } : { kind: 'tilbagekald', reason });
  };

  const title =
    props.kind === 'ret' ? `Ret spørgsmål ${q.id}` : `Træk rettelsen af spørgsmål ${q.id} tilbage`;
  return (
    <form className={s.correction} onSubmit={submit} aria-label={title} noValidate>
      {props.kind === 'ret' ? (
        <Field
          label="Rettet til"
          required
          validationMessage={errors.to}
          validationState={errors.to ? 'error' : 'none'}
        >
          <RadioGroup ref={firstRef} value={to} onChange={(_, d) => setTo(d.value)}>
            {q.answers.map((a) => (
              <Radio key={a} value={a} label={a} />
            ))}
          </RadioGroup>
        </Field>
      ) : (
        <p>
          Svaret bliver igen det beregnede: <strong>{q.computedAnswer}</strong>.
        </p>
      )}
      <Field
        label="Begrundelse"
        required
        hint="Skrives i arket Gennemgang. Skriv ikke barnets navn eller cpr-nummer."
        validationMessage={errors.reason}
        validationState={errors.reason ? 'error' : 'none'}
      >
        <Textarea ref={reasonRef} value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
      </Field>
      <div className={s.row}>
        <Button type="submit" appearance="primary" disabledFocusable={props.busy}>
          {props.kind === 'ret' ? 'Gem rettelse' : 'Træk tilbage'}
        </Button>
        <Button onClick={props.onCancel}>Annuller</Button>
      </div>
    </form>
  );
}
