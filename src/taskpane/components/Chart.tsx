import { tokens } from '@fluentui/react-components';
import type { OverviewRow } from '../../domain/types';
import { useStyles } from './styles';

const LABEL_W = 46;
const BAR_W = 260;
const ROW_H = 34;
const TOP = 28;

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/**
 * "Overholdt" per question for the municipality beside the national figure (spec §7), as an SVG
 * image with title and description; the same numbers are in the table that follows it.
 */
export function OverviewChart({ rows, kommune }: { rows: readonly OverviewRow[]; kommune: string }) {
  const s = useStyles();
  const shown = rows.filter((r) => r.compliant !== null);
  if (shown.length === 0) return null;
  const height = TOP + shown.length * ROW_H + 8;
  const width = LABEL_W + BAR_W + 50;
  const text = { fill: tokens.colorNeutralForeground1, fontSize: '11px', fontFamily: tokens.fontFamilyBase };
  return (
    <svg
      className={s.chart}
      role="img"
      aria-labelledby="overblik-titel overblik-beskrivelse"
      viewBox={`0 0 ${width} ${height}`}
      focusable="false"
    >
      <title id="overblik-titel">Andel overholdt pr. spørgsmål, {kommune} Kommune og landsresultat</title>
      <desc id="overblik-beskrivelse">
        {shown
          .map(
            (r) =>
              `${r.id}: ${kommune} ${percent(r.compliant ?? 0)}` +
              (r.national !== null ? `, landsresultat ${percent(r.national)}` : ''),
          )
          .join('; ')}
        .
      </desc>
      <g aria-hidden="true">
        <rect x={LABEL_W} y={4} width={10} height={10} style={{ fill: tokens.colorBrandBackground }} />
        <text x={LABEL_W + 14} y={13} style={text}>
          {kommune}
        </text>
        <rect
          x={LABEL_W + 130}
          y={4}
          width={10}
          height={10}
          style={{ fill: tokens.colorNeutralForeground3 }}
        />
        <text x={LABEL_W + 144} y={13} style={text}>
          Landsresultat
        </text>
        {shown.map((r, i) => {
          const y = TOP + i * ROW_H;
          const own = r.compliant ?? 0;
          return (
            <g key={r.id}>
              <text x={0} y={y + 12} style={text}>
                {r.id}
              </text>
              <rect
                x={LABEL_W}
                y={y}
                width={Math.max(1, own * BAR_W)}
                height={12}
                style={{ fill: tokens.colorBrandBackground }}
              />
              <text x={LABEL_W + own * BAR_W + 4} y={y + 10} style={text}>
                {percent(own)}
              </text>
              {r.national !== null && (
                <>
                  <rect
                    x={LABEL_W}
                    y={y + 14}
                    width={Math.max(1, r.national * BAR_W)}
                    height={12}
                    style={{ fill: tokens.colorNeutralForeground3 }}
                  />
                  <text x={LABEL_W + r.national * BAR_W + 4} y={y + 24} style={text}>
                    {percent(r.national)}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </g>
    </svg>
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
            Relevante sager
          </th>
          <th scope="col" className={s.numHead}>
            Overholdt
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
