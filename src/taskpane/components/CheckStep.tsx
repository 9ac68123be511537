import { useMemo } from 'react';
import { Button } from '@fluentui/react-components';
import type { Problem } from '../../domain/types';
import { OverviewChart, OverviewTable } from './Chart';
import { ComparePrevious } from './ComparePrevious';
import { InlineNotice } from './InlineNotice';
import { ProblemsList, SEVERITY_LABEL } from './ProblemsList';
import { groupByLaw } from '../services/parts';
import { StepHeading } from './StepHeading';
import { countBySeverity, type PaneState } from './usePane';
import { useStyles } from './styles';

/** Step 2, Kontrol: run the check; its result, the overview and the problems. */
export function CheckStep(props: {
  pane: PaneState;
  onOpenCase: (index: number) => void;
  onNext: () => void;
}) {
  const s = useStyles();
  const { pane } = props;
  const check = pane.check;
  const busy = pane.busy !== null;
  const counts = check ? countBySeverity(check.problems) : null;
  const kommune = check?.settings.kommune ?? 'Kommunen';

  /** A problem of a case opens that case in Gennemgang (and in Excel also selects its cell). */
  const index = useMemo(() => {
    const byRow = new Map<number, number>();
    const bySagsnr = new Map<number, number>();
    for (const i of check?.cases ?? []) {
      byRow.set(i.row, i.index);
      if (i.sagsnr !== null && !bySagsnr.has(i.sagsnr)) bySagsnr.set(i.sagsnr, i.index);
    }
    return { byRow, bySagsnr };
  }, [check]);
  const caseOf = (p: Problem): number | null =>
    (p.row !== null && (p.sheet === null || p.sheet === check?.caseSheetName)
      ? index.byRow.get(p.row)
      : undefined) ??
    (p.sagsnr !== null ? index.bySagsnr.get(p.sagsnr) : undefined) ??
    null;
  const c = pane.controller;
  const onSelect = (p: Problem) => {
    const at = caseOf(p);
    if (c?.canSelect && p.cell) void c.selectProblem(p).catch(() => undefined);
    if (at !== null) props.onOpenCase(at);
  };
  const canOpen = (p: Problem) => caseOf(p) !== null || (!!c?.canSelect && !!p.cell);

  return (
    <>
      <StepHeading step="kontrol">Kontrol</StepHeading>
      <p className={s.muted}>
        Kontrollerer udvælgelsen og lovkravene og skriver resultatet i kolonner til højre for sagerne.
      </p>
      <div className={s.row}>
        <Button appearance="primary" onClick={pane.runCheck} disabled={!c} disabledFocusable={busy && !!c}>
          Kør kontrol
        </Button>
      </div>
      <InlineNotice notice={pane.notices.check} />
      {!c && <p className={s.muted}>Åbn en projektmappe under Forbered først.</p>}
      {check && counts && (
        <>
          <h3 className={s.h3}>Resultat</h3>
          <ul className={s.counts}>
            <li>
              <strong>{check.caseCount}</strong> sager kontrolleret
            </li>
            {(['error', 'warning', 'missing'] as const).map((k) => (
              <li key={k}>
                {SEVERITY_LABEL[k]}: <strong>{counts[k]}</strong>
              </li>
            ))}
          </ul>
          {groupByLaw(check.overview).map((part) => (
            <div key={part.heading ?? ''}>
              {part.heading && <h3 className={s.h3}>{part.heading}</h3>}
              <OverviewChart rows={part.items} kommune={kommune} />
              <div className={s.scrollX}>
                <OverviewTable rows={part.items} />
              </div>
            </div>
          ))}
          <ComparePrevious pane={pane} />
          <h2 className={s.stepHeading} id="problemer-titel">{`Problemer (${check.problems.length})`}</h2>
          <ProblemsList
            problems={check.problems}
            onSelect={onSelect}
            canOpen={canOpen}
            disabled={busy}
            selectsCells={!!c?.canSelect}
          />
          <div className={s.row}>
            <Button onClick={props.onNext}>Videre til Gennemgang</Button>
          </div>
        </>
      )}
    </>
  );
}
