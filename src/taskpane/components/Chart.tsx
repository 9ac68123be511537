import type { OverviewRow } from '../../domain/types';
import { useStyles } from './styles';

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/**
 * "Overholdt" per question for the municipality beside the national figure (spec §7): HTML bars,
 * so the text is the pane's own size (never scaled below 12 px) and each row is named by its
 * question ("2.2 Børnefaglig undersøgelse"). One image for assistive technology, with the numbers
 * in its description; the same numbers are in the table that follows it.
 */
export function OverviewChart({ rows, kommune }: { rows: readonly OverviewRow[]; kommune: string }) {
  const s = useStyles();
  const shown = rows.filter((r) => r.compliant !== null);
  if (shown.length === 0) return null;
  const description = `${shown
    .map(
      (r) =>
        `${r.columnHeader}: ${kommune} ${percent(r.compliant ?? 0)}` +
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
            <span className={s.chartKeyNational} /> Landsresultat
          </span>
        </div>
        {shown.map((r) => {
          const own = r.compliant ?? 0;
          return (
            <div key={r.id} className={s.chartRow}>
              <div className={s.chartLabel}>{r.columnHeader}</div>
              <div className={s.chartBarLine}>
                <span className={s.chartBarOwn} style={{ width: `${Math.max(0.5, own * 80)}%` }} />
                <span>{percent(own)}</span>
              </div>
              {r.national !== null && (
                <div className={s.chartBarLine}>
                  <span
                    className={s.chartBarNational}
                    style={{ width: `${Math.max(0.5, r.national * 80)}%` }}
                  />
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

/** The chart's numbers as a table (also the pane's "Overholdt pr. spørgsmål" summary). */
export function OverviewTable({ rows }: { rows: readonly OverviewRow[] }) {
  const s = useStyles();
  return (
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
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.columnHeader}</th>
            <td className={s.num}>{r.relevant}</td>
            <td className={s.num}>{r.compliant === null ? '–' : percent(r.compliant)}</td>
            <td className={s.num}>
              {r.national === null ? '–' : percent(r.national)}
              {r.nationalLabel ? <span className={s.visuallyHidden}> ({r.nationalLabel})</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
