import { makeStyles, tokens } from '@fluentui/react-components';
import { changePoints, crossLaw } from '../../domain/previous';
import { lawName } from '../../domain/overviewTrend';
import type { OverviewRow } from '../../domain/types';
import { useStyles } from './styles';

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** "23–88%": the 95 % interval in whole percents, as the memo says it. */
export function span([lo, hi]: readonly [number, number]): string {
  return `${Math.round(lo * 100)}–${percent(hi)}`;
}

/** A change in percentage points, signed, Danish decimal comma: "−20 pp", "+11,8 pp". */
export function pointsText(points: number): string {
  const n = Math.round(points * 10) / 10;
  const text = Math.abs(n).toLocaleString('da-DK', { maximumFractionDigits: 1 });
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${text} pp`;
}

/** The error bar (issue 12): a line over the interval with end caps, on the bar's own scale. */
const useBarStyles = makeStyles({
  track: { position: 'relative', flex: '0 0 80%', height: '14px' },
  own: {
    position: 'absolute',
    left: 0,
    top: '2px',
    height: '10px',
    backgroundColor: tokens.colorBrandBackground,
    forcedColorAdjust: 'none',
  },
  whisker: {
    position: 'absolute',
    top: '6px',
    height: '2px',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralForeground1,
    forcedColorAdjust: 'none',
  },
  cap: {
    position: 'absolute',
    top: '2px',
    width: '2px',
    height: '10px',
    backgroundColor: tokens.colorNeutralForeground1,
    forcedColorAdjust: 'none',
  },
  keyWhisker: {
    display: 'inline-block',
    width: '14px',
    height: '2px',
    verticalAlign: 'middle',
    borderLeft: `2px solid ${tokens.colorNeutralForeground1}`,
    borderRight: `2px solid ${tokens.colorNeutralForeground1}`,
    backgroundColor: tokens.colorNeutralForeground1,
    forcedColorAdjust: 'none',
  },
  sub: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** The municipality's bar with its interval drawn over it. */
function OwnBar({ own, interval }: { own: number; interval: readonly [number, number] | null }) {
  const b = useBarStyles();
  return (
    <span className={b.track}>
      <span className={b.own} style={{ width: `${Math.max(0.5, own * 100)}%` }} />
      {interval && (
        <>
          <span
            className={b.whisker}
            style={{ left: `${interval[0] * 100}%`, width: `${(interval[1] - interval[0]) * 100}%` }}
          />
          <span className={b.cap} style={{ left: `calc(${interval[0] * 100}% - 1px)` }} />
          <span className={b.cap} style={{ left: `calc(${interval[1] * 100}% - 1px)` }} />
        </>
      )}
    </span>
  );
}

/**
 * "Overholdt" per question for the municipality beside the national figure (spec §7): HTML bars,
 * so the text is the pane's own size (never scaled below 12 px) and each row is named by its
 * question ("2.2 Børnefaglig undersøgelse"). One image for assistive technology, with the numbers
 * in its description; the same numbers are in the table that follows it.
 */
export function OverviewChart({ rows, kommune }: { rows: readonly OverviewRow[]; kommune: string }) {
  const s = useStyles();
  const b = useBarStyles();
  const shown = rows.filter((r) => r.compliant !== null);
  if (shown.length === 0) return null;
  const description = `${shown
    .map(
      (r) =>
        `${r.columnHeader}: ${kommune} ${percent(r.compliant ?? 0)}` +
        (r.interval !== null ? ` (95 %-interval ${span(r.interval)})` : '') +
        (r.national !== null ? `, landsresultat ${percent(r.national)}` : ''),
    )
    .join('; ')}.`;
  return (
    <figure
      className={s.chart}
      role="img"
      aria-label={`Andel overholdt pr. spørgsmål, ${kommune} Kommune og landsresultat`}
      aria-describedby="overblik-beskrivelse"
    >
      <span id="overblik-beskrivelse" className={s.visuallyHidden}>
        {description}
      </span>
      <div aria-hidden="true">
        <div className={s.chartLegend}>
          <span>
            <span className={s.chartKeyOwn} /> {kommune}
          </span>
          <span>
            <span className={b.keyWhisker} /> 95 %-interval
          </span>
          <span>
            <span className={s.chartKeyNational} /> Landsresultat
          </span>
        </div>
        {shown.map((r) => {
          const own = r.compliant ?? 0;
          return (
            <div key={r.id} className={s.chartRow}>
              <div className={s.chartLabel}>{r.columnHeader}</div>
              <div className={s.chartBarLine}>
                <OwnBar own={own} interval={r.interval} />
                <span>{percent(own)}</span>
              </div>
              {r.national !== null && (
                <div className={s.chartBarLine}>
                  <span className={b.track}>
                    <span
                      className={s.chartBarNational}
                      style={{
                        display: 'block',
                        marginTop: '2px',
                        width: `${Math.max(0.5, r.national * 100)}%`,
                      }}
                    />
                  </span>
                  <span>{percent(r.national)}</span>
                </div>
              )}
            </div>
          );
        })}
      </div>
    </figure>
  );
}

/**
 * The chart's numbers as a table (also the pane's "Overholdt pr. spørgsmål" summary). The interval
 * stands under Overholdt and the change under Sidst, so the table keeps five columns at 320 px.
 */
export function OverviewTable({ rows }: { rows: readonly OverviewRow[] }) {
  const s = useStyles();
  const b = useBarStyles();
  const compared = rows.some((r) => r.previous !== undefined);
  const cross = rows.find(crossLaw);
  return (
    <>
      <table className={s.table}>
        <caption>Overholdt pr. spørgsmål</caption>
        <thead>
          <tr>
            <th scope="col">Spørgsmål</th>
            <th scope="col" className={s.numHead}>
              Rele&shy;vante
            </th>
            <th scope="col" className={s.numHead}>
              Over&shy;holdt
            </th>
            <th scope="col" className={s.numHead}>
              Lands&shy;resultat
            </th>
            {compared && (
              <th scope="col" className={s.numHead}>
                Sidst
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.columnHeader}</th>
              <td className={s.num}>{r.relevant}</td>
              <td className={s.num}>
                {r.compliant === null ? '–' : percent(r.compliant)}
                {r.interval && (
                  <span className={b.sub}>
                    <span className={s.visuallyHidden}>95 %-interval </span>
                    {span(r.interval)}
                  </span>
                )}
              </td>
              <td className={s.num}>
                {r.national === null ? '–' : percent(r.national)}
                {r.nationalLabel ? <span className={s.visuallyHidden}> ({r.nationalLabel})</span> : null}
              </td>
              {compared && <PreviousCell row={r} />}
            </tr>
          ))}
        </tbody>
      </table>
      {cross?.previous && (
        <p className={s.source}>
          * Sidst opgjort efter {lawName(cross.previous.ruleset)} og sammenlignet med spørgsmålet med samme
          nummer efter {lawName(cross.ruleset)}.
        </p>
      )}
    </>
  );
}

/** Sidst and, under it, the change in points; "efter serviceloven" where the law changed. */
function PreviousCell({ row }: { row: OverviewRow }) {
  const s = useStyles();
  const b = useBarStyles();
  const change = changePoints(row);
  if (row.previous === null || row.previous === undefined) return <td className={s.num}>–</td>;
  return (
    <td className={s.num}>
      {percent(row.previous.compliant)}
      {change !== null && (
        <span className={b.sub}>
          <span className={s.visuallyHidden}>ændring </span>
          {pointsText(change)}
        </span>
      )}
      {crossLaw(row) && (
        <span className={b.sub}>
          <span aria-hidden="true">*</span>
          <span className={s.visuallyHidden}>opgjort efter {lawName(row.previous.ruleset)}</span>
        </span>
      )}
    </td>
  );
}
