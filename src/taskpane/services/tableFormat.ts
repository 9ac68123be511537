import { isMemoHeading } from '../../domain/memo';
import { formatCount, formatPercent } from '../../domain/numbers';
import type { TableResult } from '../../domain/types';

/** Shown instead of the rows of a suppressed table (spec §5, Offentliggørelse). */
export const SUPPRESSED_TEXT = 'Udeladt – færre end 6 sager';

export function tableTitle(t: TableResult): string {
  return `TABEL ${t.id} ${t.title}`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The body rows as shown in the report: the rows (or the suppression line), then "I alt". */
export function tableBodyRows(
  t: TableResult,
): { label: string; count: string; percent: string; total: boolean }[] {
  const rows = t.suppressed
    ? [{ label: SUPPRESSED_TEXT, count: '', percent: '', total: false }]
    : t.rows.map((r) => ({
        label: r.label,
        count: formatCount(r.count),
        percent: formatPercent(r.percent),
        total: false,
      }));
  return [...rows, { label: 'I alt', count: formatCount(t.total), percent: formatPercent(100), total: true }];
}

const CELL = 'border:1px solid #808080;padding:2pt 6pt;font-family:Calibri,Arial,sans-serif;font-size:10pt';

/**
 * The table as HTML for the clipboard: a title paragraph, a real <table> (Word pastes it as a table)
 * and the source line. Inline styles only, since Word ignores style sheets on paste.
 */
export function tableToHtml(t: TableResult): string {
  const head = `<tr><th style="${CELL};text-align:left"></th><th style="${CELL};text-align:right">Antal sager</th><th style="${CELL};text-align:right">Procent</th></tr>`;
  const body = tableBodyRows(t)
    .map((r) => {
      const weight = r.total ? ';font-weight:bold' : '';
      return `<tr><td style="${CELL}${weight}">${escapeHtml(r.label)}</td><td style="${CELL};text-align:right${weight}">${r.count}</td><td style="${CELL};text-align:right${weight}">${r.percent}</td></tr>`;
    })
    .join('');
  return (
    `<p style="font-family:Calibri,Arial,sans-serif;font-size:10pt;font-weight:bold">${escapeHtml(tableTitle(t))}</p>` +
    `<table style="border-collapse:collapse"><thead>${head}</thead><tbody>${body}</tbody></table>` +
    `<p style="font-family:Calibri,Arial,sans-serif;font-size:8pt">${escapeHtml(t.source)}</p>`
  );
}

/** The table as tab-separated text (pastes into Excel as cells, into Word as lines). */
export function tableToText(t: TableResult): string {
  const lines = [tableTitle(t), '\tAntal sager\tProcent'];
  for (const r of tableBodyRows(t)) lines.push(`${r.label}\t${r.count}\t${r.percent}`);
  lines.push(t.source);
  return lines.join('\n');
}

/** The memo as plain text: one paragraph or bullet per line. */
export function memoToText(memo: readonly string[]): string {
  return memo.join('\n');
}

/**
 * The memo as HTML: the title as <h2>, part and chapter headings as <h3> (bold in Word and Outlook
 * without a style sheet), consecutive "• " lines as one bulleted list, other lines as paragraphs.
 */
export function memoToHtml(memo: readonly string[]): string {
  const out: string[] = [];
  let list: string[] = [];
  const flush = (): void => {
    if (list.length) out.push(`<ul>${list.map((li) => `<li>${escapeHtml(li)}</li>`).join('')}</ul>`);
    list = [];
  };
  memo.forEach((line, i) => {
    if (line.startsWith('• ')) {
      list.push(line.slice(2));
      return;
    }
    flush();
    if (isMemoHeading(line)) {
      const h = i === 0 ? 'h2' : 'h3';
      out.push(`<${h} style="font-size:${i === 0 ? 14 : 12}pt;font-weight:bold">${escapeHtml(line)}</${h}>`);
    } else out.push(`<p>${escapeHtml(line)}</p>`);
  });
  flush();
  return `<div style="font-family:Calibri,Arial,sans-serif;font-size:11pt">${out.join('')}</div>`;
}
