import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '@fluentui/react-components';
import { filterCases, neighbour, type CaseFilter, type CaseView } from '../../domain/caseview';
import type { ReviewAction, ReviewTarget } from '../../domain/review';
import { progressText, type PaneReport } from '../services/paneController';
import { CaseDetail, type OpenForm } from './CaseDetail';
import { CaseList, caseName } from './CaseList';
import type { Notice } from './InlineNotice';
import { InitialsForm } from './InitialsForm';
import { useStyles } from './styles';

/** What the case view needs from the pane (the controller's use cases, bound in ReviewStep). */
export interface CaseReviewActions {
  /** The case's questions, reasons and source cells (asked for one case at a time). */
  caseView: (index: number) => Promise<CaseView | null>;
  /** Appends the line; resolves to true when it was written. */
  review(target: ReviewTarget, action: ReviewAction): Promise<boolean>;
  approveRest(sagsnr: number): Promise<boolean>;
  /** Saves the initials; resolves to null when saved, else why not (shown on the field). */
  saveInitials(text: string): Promise<string | null>;
  /** Moves Excel's selection to the case's row; null when the workbook cannot select (standalone). */
  selectCase: ((index: number) => void) | null;
  /** Selects a source cell in Excel; null when the workbook cannot select. */
  selectCell: ((sheet: string, cell: string) => void) | null;
  /** Opens the case of the row the user selects in Excel; null when the workbook does not report selections. */
  watchCases: ((onCase: (index: number) => void) => Promise<() => Promise<void>>) | null;
}

/**
 * The reviewer's case view (issue "Reviewer workflow"): progress, initials, the filterable case
 * list, and the open case with its questions. Holds which case is open and moves between cases;
 * the parts render in CaseList, CaseDetail and QuestionCard.
 */
export function CaseReview(props: {
  report: PaneReport;
  busy: boolean;
  active: boolean;
  actions: CaseReviewActions;
  /** The last review action's refusal or warning (shown beside the button that caused it). */
  refusal: Notice | null;
  /** A case to open from elsewhere (a problem in Kontrol); n changes on every request. */
  openRequest: { index: number; n: number } | null;
}) {
  const s = useStyles();
  const { report, busy, actions } = props;
  const [filter, setFilter] = useState<CaseFilter>('alle');
  const [index, setIndex] = useState<number | null>(report.caseCount > 0 ? 0 : null);
  const [view, setView] = useState<CaseView | null>(null);
  const [said, setSaid] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [form, setForm] = useState<OpenForm | null>(null);
  const [askInitials, setAskInitials] = useState(false);
  const [initialsError, setInitialsError] = useState<string | null>(null);
  const [focusHeading, setFocusHeading] = useState(0);
  const [lastAt, setLastAt] = useState('');
  const pending = useRef<(() => void) | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const initialsRef = useRef<HTMLInputElement>(null);
  const ids = useId();

  const items = report.cases;
  const shown = useMemo(() => filterCases(items, filter), [items, filter]);
  const initials = report.settings.initialer;
  const needInitials = initials === null || askInitials;

  // A case index beyond the list (cases removed and checked again) falls back to the first case.
  useEffect(() => {
    if (index !== null && index >= report.caseCount) setIndex(report.caseCount > 0 ? 0 : null);
  }, [index, report.caseCount]);

  // The open case's details, asked for whenever the case or the report changes.
  const caseView = actions.caseView;
  useEffect(() => {
    let live = true;
    if (index === null) setView(null);
    else void caseView(index).then((v) => live && setView(v));
    return () => {
      live = false;
    };
  }, [caseView, index, report]);

  // Focus goes to the heading once per request, when the requested case's view has arrived.
  const headingWanted = useRef(0);
  useEffect(() => {
    if (focusHeading > headingWanted.current && view?.index === index) {
      headingWanted.current = focusHeading;
      headingRef.current?.focus();
    }
  }, [focusHeading, view, index]);

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

  // Only a new request (a new n) opens a case; the ref remembers the last one handled.
  const request = props.openRequest;
  const handled = useRef(0);
  useEffect(() => {
    if (request && request.n !== handled.current) {
      handled.current = request.n;
      open(request.index, 'list');
    }
  }, [request, open]);

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
  }, [watch, report.caseSheetName]);

  const step = useCallback(
    (dir: 1 | -1, how: 'step' | 'list' = 'step') => {
      const next = neighbour(shown, index, dir);
      if (next === null) {
        setSaid(dir === 1 ? 'Der er ingen næste sag i listen.' : 'Der er ingen forrige sag i listen.');
        return;
      }
      open(next, how);
    },
    [shown, index, open],
  );

  // Alt+PageDown / Alt+PageUp anywhere in the pane (while this step is shown): next / previous case.
  useEffect(() => {
    if (!props.active) return undefined;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'PageDown' && e.key !== 'PageUp')) return;
      e.preventDefault();
      step(e.key === 'PageDown' ? 1 : -1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [step, props.active]);

  /** Runs an action that writes to the log, asking for the initials first when there are none. */
  const withInitials = (run: () => void, returnFocus = true) => {
    if (initials !== null && !askInitials) {
      run();
      return;
    }
    // After the initials, focus returns to the button that asked (so its result is in view).
    const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    pending.current = () => {
      run();
      if (returnFocus) requestAnimationFrame(() => back?.isConnected && back.focus());
    };
    setAskInitials(true);
    setSaid('Skriv dine initialer først; de gemmes i arket Indstillinger.');
    requestAnimationFrame(() => initialsRef.current?.focus());
  };

  const atStart = neighbour(shown, index, -1) === null;
  const atEnd = neighbour(shown, index, 1) === null;
  const pos = shown.findIndex((x) => x.index === index);
  const position = index === null ? '' : pos < 0 ? 'uden for filteret' : `${pos + 1} af ${shown.length}`;
  const target = (v: CaseView, id: string): ReviewTarget => {
    const shownQ = v.questions.find((q) => q.id === id);
    return { sagsnr: v.sagsnr as number, question: id, shown: shownQ as NonNullable<typeof shownQ> };
  };

  return (
    <div className={s.review}>
      <p className={s.progress}>
        <strong>{progressText(report)}</strong>
      </p>
      <p className={s.muted}>
        Godkend eller ret hvert spørgsmål. Hver godkendelse og rettelse skrives som en ny linje i arket
        Gennemgang, og sagens kolonner i {report.caseSheetName} viser rettelsen med det samme; tabellerne,
        overblikket og notatet opdateres, når du vælger Byg tabeller.
      </p>

      {needInitials ? (
        <InitialsForm
          inputRef={initialsRef}
          initial={initials ?? ''}
          busy={busy}
          error={initialsError}
          onCancel={
            initials !== null
              ? () => {
                  setAskInitials(false);
                  pending.current = null;
                }
              : null
          }
          onSave={async (text) => {
            setInitialsError(null);
            const refused = await actions.saveInitials(text);
            if (refused !== null) {
              setInitialsError(refused);
              requestAnimationFrame(() => initialsRef.current?.focus());
              return;
            }
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

      <CaseList
        items={shown}
        filter={filter}
        onFilter={(f) => {
          setFilter(f);
          setShowAll(false);
        }}
        showAll={showAll}
        onShowAll={() => setShowAll(true)}
        current={index}
        onOpen={(i) => open(i, 'list')}
        countId={`${ids}-antal`}
      />

      <p role="status" className={s.visuallyHidden}>
        {said}
      </p>

      {view && (
        <CaseDetail
          view={view}
          caseSheetName={report.caseSheetName}
          idBase={ids}
          headingRef={headingRef}
          position={position}
          atStart={atStart}
          atEnd={atEnd}
          busy={busy}
          form={form}
          refusal={props.refusal ? { at: lastAt, notice: props.refusal } : null}
          onStep={step}
          onSelectRow={actions.selectCase ? () => actions.selectCase?.(view.index) : null}
          selectCell={actions.selectCell}
          onApprove={(id) =>
            withInitials(() => {
              setLastAt(id);
              void actions
                .review(target(view, id), { kind: 'godkend' })
                .then((ok) => ok && setSaid(`Spørgsmål ${id} er godkendt.`));
            })
          }
          onOpenForm={(f) => withInitials(() => setForm(f), false)}
          onCloseForm={() => setForm(null)}
          onSubmit={async (id, action) => {
            setLastAt(id);
            const ok = await actions.review(target(view, id), action);
            if (ok) {
              setForm(null);
              setSaid(
                action.kind === 'ret'
                  ? `Spørgsmål ${id} er rettet til "${action.to}".`
                  : `Rettelsen af spørgsmål ${id} er trukket tilbage.`,
              );
            }
            return ok;
          }}
          onApproveRest={() =>
            withInitials(() => {
              setLastAt('rest');
              void actions.approveRest(view.sagsnr as number).then((ok) => {
                if (!ok) return;
                // Done with this case: on to the next one in the list (focus on its heading).
                setSaid(`De resterende spørgsmål i ${caseName(view)} er godkendt.`);
                if (neighbour(shown, view.index, 1) !== null) step(1, 'list');
              });
            })
          }
        />
      )}
    </div>
  );
}
