import type { TableResult } from '../../domain/types';
import { memoToHtml, memoToText, tableToHtml, tableToText } from './tableFormat';

const table: TableResult = {
  ruleset: 'SEL-2023',
  id: '2.3',
  chapter: 2,
  title: 'ER 4-MÅNEDERS FRISTEN … OVERHOLDT, JF. § 50, STK. 7?',
  total: 6,
  suppressed: false,
  rows: [
    { label: 'Ja', count: 1, percent: 17 },
    { label: 'Nej, men lovlig grund', count: 0, percent: 0 },
    { label: 'Nej', count: 5, percent: 83 },
  ],
  source: 'Kilde: Ishøj Kommune, egen gennemgang 23-11-2026',
};

describe('tableToText / tableToHtml', () => {
  it('writes the title, the header, every row (zero rows too), I alt and the source as tab-separated lines', () => {
    expect(tableToText(table).split('\n')).toEqual([
      'TABEL 2.3 ER 4-MÅNEDERS FRISTEN … OVERHOLDT, JF. § 50, STK. 7?',
      '\tAntal sager\tProcent',
      'Ja\t1\t17%',
      'Nej, men lovlig grund\t0\t0%',
      'Nej\t5\t83%',
      'I alt\t6\t100%',
      'Kilde: Ishøj Kommune, egen gennemgang 23-11-2026',
    ]);
  });

  it('a suppressed table shows the suppression line instead of its rows', () => {
    const t = { ...table, total: 4, suppressed: true, rows: [] };
    expect(tableToText(t).split('\n').slice(2, 4)).toEqual([
      'Udeladt – færre end 6 sager\t\t',
      'I alt\t4\t100%',
    ]);
  });

  it('the HTML is a real table with one <tr> per row plus header and total, and escapes text', () => {
    const html = tableToHtml({ ...table, title: 'A < B & "C"' });
    expect(html).toContain('<table');
    expect(html.match(/<tr>/g)).toHaveLength(1 + 3 + 1);
    expect(html).toContain('TABEL 2.3 A &lt; B &amp; &quot;C&quot;');
    expect(html).toContain('>Nej, men lovlig grund</td>');
  });
});

describe('memo', () => {
  const memo = ['Ishøj Kommune har sendt 15 sager.', '• Første punkt.', '• Andet <punkt>.', 'Forbehold.'];
  it('plain text keeps one line per entry', () => {
    expect(memoToText(memo)).toBe(memo.join('\n'));
  });
  it('HTML turns consecutive bullets into one list', () => {
    expect(memoToHtml(memo)).toContain(
      '<p>Ishøj Kommune har sendt 15 sager.</p><ul><li>Første punkt.</li><li>Andet &lt;punkt&gt;.</li></ul><p>Forbehold.</p>',
    );
  });
  it('HTML makes the title an <h2> and part and chapter headings <h3>, bold, escaped', () => {
    const html = memoToHtml([
      'Børnesagsbarometer 2023 – Ishøj Kommune, egen gennemgang 23-11-2026',
      'Ishøj Kommune har gennemgået 15 sager.',
      '2. Faglig <udredning>',
      '• Et punkt.',
    ]);
    expect(html).toContain(
      '<h2 style="font-size:14pt;font-weight:bold">Børnesagsbarometer 2023 – Ishøj Kommune, egen gennemgang 23-11-2026</h2><p>Ishøj Kommune har gennemgået 15 sager.</p><h3 style="font-size:12pt;font-weight:bold">2. Faglig &lt;udredning&gt;</h3><ul><li>Et punkt.</li></ul>',
    );
  });
});

describe('Danish numbers in copied tables', () => {
  it('counts get a thousands separator, percents the one form "34%"', () => {
    const big: TableResult = {
      ...table,
      total: 20000,
      rows: [
        { label: 'Ja', count: 12345, percent: 62 },
        { label: 'Nej', count: 7655, percent: 38 },
      ],
    };
    expect(tableToText(big).split('\n').slice(2, 5)).toEqual([
      'Ja\t12.345\t62%',
      'Nej\t7.655\t38%',
      'I alt\t20.000\t100%',
    ]);
  });
});
