/**
 * Issue 11 item 6: Resultattabeller, Overblik and Notat print as a manager would hand them on.
 * The CLI checks the bundled example, a 17-case fixture and a list under both laws; each result sheet is printed alone to
 * PDF by LibreOffice headless, and the PDF's pages are read back (size, the text on each page and
 * where it stands): A4 portrait, the Procent column beside every table's counts, Overblik on one
 * page with its headers in one row and its chart drawn below the table (issue 12 item 5: title,
 * one bar per value at its height, the interval as error bars), Notat's paragraphs whole and no
 * two lines drawn over each other.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fixtureWorkbook } from '../adapters/fixtures';
import { buildFixture } from '../fixtures/build';
import blandet from '../fixtures/data/blandet';
import { ROOT, loadXlsx, runCli, tempDir } from '../cli/helpers';
import { CHART_TITLE } from '../../src/domain/chartPlan';
import { pdfPages, type PdfLine, type PdfPage, type PdfPath } from './pdftext';

const SHEETS = ['Resultattabeller', 'Overblik', 'Notat'] as const;

/**
 * A copy of the workbook holding only the sheet `keep` (the others' <sheet> elements removed, its
 * print titles renumbered to sheet 0), so LibreOffice's PDF holds that sheet's pages alone.
 */
function onlySheet(xlsx: Uint8Array, keep: string): Uint8Array {
  const files = unzipSync(xlsx);
  const wb = strFromU8(files['xl/workbook.xml'] as Uint8Array);
  const sheets = wb.match(/<sheet\b[^>]*\/>/g) ?? [];
  const index = sheets.findIndex((el) => el.includes(`name="${keep}"`));
  expect(index).toBeGreaterThanOrEqual(0);
  files['xl/workbook.xml'] = strToU8(
    wb
      .replace(/<sheet\b[^>]*\/>/g, (el) => (el.includes(`name="${keep}"`) ? el : ''))
      .replace(/<definedName\b[^>]*>[^<]*<\/definedName>/g, (dn) =>
        dn.includes(`localSheetId="${index}"`) ? dn.replace(/localSheetId="\d+"/, 'localSheetId="0"') : '',
      ),
  );
  return zipSync(files);
}

/** Converts each file to PDF in one soffice process; the pages of each, by file name. */
function toPdf(files: readonly string[], outDir: string): Map<string, PdfPage[]> {
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${outDir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...files,
    ],
    { encoding: 'utf8', timeout: 110_000 },
  );
  expect(r.status).toBe(0);
  const out = new Map<string, PdfPage[]>();
  for (const f of files) {
    const base = path.basename(f).replace(/\.xlsx$/, '');
    out.set(base, pdfPages(fs.readFileSync(path.join(outDir, `${base}.pdf`))));
  }
  return out;
}

/** A4 portrait in points, as LibreOffice writes the MediaBox. */
const A4 = { width: 595.3, height: 841.9 };

/** Rough width of a text line: half an em per character (DejaVu Sans averages a little more than that for capitals, less for text). */
const widthOf = (l: PdfLine): number => l.text.trimEnd().length * l.size * 0.5;

/**
 * Pairs of text lines on a page that are drawn over each other (overlapping boxes). A chart's
 * slanted category labels are left out: their boxes are not horizontal, so this measure is wrong for them.
 */
function overlaps(page: PdfPage): string[] {
  const out: string[] = [];
  const ls = page.lines.filter((l) => l.text.trim() !== '' && !l.rotated);
  for (let i = 0; i < ls.length; i += 1) {
    for (let j = i + 1; j < ls.length; j += 1) {
      const a = ls[i] as PdfLine;
      const b = ls[j] as PdfLine;
      const vertical = Math.abs(a.y - b.y) < 0.8 * Math.min(a.size, b.size);
      const horizontal = a.x < b.x + widthOf(b) && b.x < a.x + widthOf(a);
      if (vertical && horizontal) out.push(`"${a.text}" / "${b.text}"`);
    }
  }
  return out;
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** One question of the chart (the first rule set's part of the JSON overview), fractions. */
interface ChartRow {
  readonly compliant: number | null;
  readonly interval: readonly [number, number] | null;
  readonly national: number | null;
}

interface Printed {
  readonly pages: Record<(typeof SHEETS)[number], PdfPage[]>;
  readonly tables: readonly string[];
  readonly overview: readonly string[];
  readonly memo: readonly string[];
  readonly chart: readonly ChartRow[];
}

/**
 * Runs `barometer check` (main() in-process) on each input, then prints each result sheet alone
 * to PDF through LibreOffice headless (one soffice process for all).
 */
async function printAll(inputs: Record<string, Uint8Array>): Promise<Record<string, Printed>> {
  const dir = tempDir('print-pdf-');
  const files: string[] = [];
  const meta: Record<string, Omit<Printed, 'pages'>> = {};
  for (const [name, bytes] of Object.entries(inputs)) {
    const input = path.join(dir, `${name}.xlsx`);
    fs.writeFileSync(input, bytes);
    const r = await runCli(['check', input, '--json', '--today', '23-11-2026']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      tables: { id: string }[];
      overview: (ChartRow & { ruleset: string })[];
    };
    const first = json.overview[0]?.ruleset;
    const pct = (v: number | null): number | null => (v === null ? null : v / 100);
    const result = fs.readFileSync(path.join(dir, `${name}-resultat.xlsx`));
    const wb = await loadXlsx(path.join(dir, `${name}-resultat.xlsx`));
    const column = (sheet: string, from: number): string[] => {
      const out: string[] = [];
      wb.getWorksheet(sheet)?.eachRow((row, n) => {
        const v = row.getCell(1).value;
        if (n >= from && typeof v === 'string' && v !== '') out.push(v);
      });
      return out;
    };
    meta[name] = {
      tables: json.tables.map((t) => t.id),
      overview: column('Overblik', 4).filter((t) => /^\d+\.\d+ /.test(t)),
      memo: column('Notat', 1),
      chart: json.overview
        .filter((o) => o.ruleset === first)
        .map((o) => ({
          compliant: pct(o.compliant),
          interval: o.interval === null ? null : [o.interval[0] / 100, o.interval[1] / 100],
          national: pct(o.national),
        })),
    };
    for (const s of SHEETS) {
      const file = path.join(dir, `${name}-${s}.xlsx`);
      fs.writeFileSync(file, onlySheet(result, s));
      files.push(file);
    }
  }
  const pdfs = toPdf(files, dir);
  const out: Record<string, Printed> = {};
  for (const [name, m] of Object.entries(meta)) {
    const pages = Object.fromEntries(
      SHEETS.map((s) => [s, pdfs.get(`${name}-${s}`) ?? []]),
    ) as Printed['pages'];
    out[name] = { ...m, pages };
  }
  return out;
}

describe('the result sheets print as a manager hands them on (LibreOffice headless → PDF)', () => {
  let printed: Record<string, Printed>;
  beforeAll(async () => {
    printed = await printAll({
      // The bundled example, and the adapters' 17-case fixture (merged title rows, odd cells).
      eksempel: fs.readFileSync(path.join(ROOT, 'examples', 'eksempel.xlsx')),
      fixture17: await fixtureWorkbook({ cases: 17 }),
      // A list under both laws: every sheet in two parts (barnets-lov.md §1).
      blandet: await buildFixture(blandet),
    });
  }, 180_000);

  const inputs = ['eksempel', 'fixture17', 'blandet'];

  it.each(inputs)('%s: every printed page of the three sheets is A4 portrait', (name) => {
    const p = printed[name] as Printed;
    for (const s of SHEETS) {
      expect(p.pages[s].length).toBeGreaterThan(0);
      for (const page of p.pages[s]) {
        expect(page.width).toBeCloseTo(A4.width, 0);
        expect(page.height).toBeCloseTo(A4.height, 0);
      }
    }
  });

  it.each(inputs)(
    '%s: Resultattabeller is one page wide: every header row has its Procent beside it',
    (name) => {
      const p = printed[name] as Printed;
      const pages = p.pages.Resultattabeller;
      let headers = 0;
      for (const page of pages) {
        for (const antal of page.lines.filter((l) => l.text.trim() === 'Antal sager')) {
          headers += 1;
          const procent = page.lines.find((l) => l.text.trim() === 'Procent' && Math.abs(l.y - antal.y) < 1);
          expect(procent).toBeDefined();
          expect((procent as PdfLine).x).toBeGreaterThan(antal.x);
          expect((procent as PdfLine).x + widthOf(procent as PdfLine)).toBeLessThan(A4.width - 36);
        }
      }
      // One header per table, each printed (none on a page of its own to the right).
      expect(headers).toBe(p.tables.length);
      const text = squeeze(pages.flatMap((pg) => pg.lines.map((l) => l.text)).join(''));
      for (const id of p.tables) expect(text).toContain(squeeze(`TABEL ${id} `));
      for (const page of pages) expect(overlaps(page)).toEqual([]);
    },
  );

  it("the example's Resultattabeller prints on far fewer pages than the 8 of issue 11", () => {
    // Without page setup LibreOffice printed 8 pages, the Procent column on pages of its own.
    expect((printed.eksempel as Printed).pages.Resultattabeller.length).toBeLessThanOrEqual(4);
  });

  it.each(inputs)('%s: Overblik prints on one page with all seven headers in one row, none cut', (name) => {
    const p = printed[name] as Printed;
    expect(p.pages.Overblik).toHaveLength(1);
    const page = p.pages.Overblik[0] as PdfPage;
    const headers = ['Spørgsmål', 'Overholdt', 'Landsresultat', 'Relevante sager', 'Ja', 'Nej, men …', 'Nej'];
    const found = headers.map((h) => page.lines.find((l) => l.text.trim() === h));
    expect(found.map((l) => l?.text.trim())).toEqual(headers);
    const row = found as PdfLine[];
    for (const l of row) expect(Math.abs(l.y - (row[0] as PdfLine).y)).toBeLessThan(1);
    const xs = row.map((l) => l.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const text = squeeze(page.lines.map((l) => l.text).join(''));
    for (const q of p.overview) expect(text).toContain(squeeze(q));
    expect(overlaps(page)).toEqual([]);
  });

  it.each(inputs)(
    "%s: Overblik's page has the chart below the table: its title, a bar per value at its height, the interval as error bars",
    (name) => {
      const p = printed[name] as Printed;
      const page = p.pages.Overblik[0] as PdfPage;
      const tableEnd = page.lines.find((l) => / gennemgået$/.test(l.text.trim())) as PdfLine;
      expect(tableEnd).toBeDefined();
      const title = page.lines.filter((l) => l.text.trim() === CHART_TITLE);
      expect(title).toHaveLength(1);
      expect((title[0] as PdfLine).y).toBeLessThan(tableEnd.y);
      // The bars: filled paths in each series' colour standing on one baseline (the legend's
      // swatches stand elsewhere), left to right in the order of the questions.
      const fills = (rgb: string): PdfPath[] =>
        page.fills.filter((f) => f.rgb === rgb && f.top - f.bottom > 0.5).sort((a, b) => a.left - b.left);
      const bottoms = fills('1F4E79').map((f) => Math.round(f.bottom));
      const count = (y: number): number => bottoms.filter((x) => x === y).length;
      const base = [...bottoms].sort((a, b) => count(b) - count(a))[0];
      const bars = (rgb: string): PdfPath[] => fills(rgb).filter((f) => Math.round(f.bottom) === base);
      const overholdt = bars('1F4E79');
      const shown = p.chart.filter((c) => (c.compliant ?? 0) > 0);
      expect(overholdt).toHaveLength(shown.length);
      expect(bars('A5A5A5')).toHaveLength(p.chart.filter((c) => (c.national ?? 0) > 0).length);
      const baseline = (overholdt[0] as PdfPath).bottom;
      // Points per 100 %, from the tallest bar; every bar's height is its value on that scale.
      const tallest = Math.max(...shown.map((c) => c.compliant as number));
      const scale = Math.max(...overholdt.map((b) => b.top - b.bottom)) / tallest;
      overholdt.forEach((b, i) => {
        expect(b.top).toBeLessThan(tableEnd.y);
        expect((b.top - b.bottom) / scale).toBeCloseTo(shown[i]?.compliant as number, 1);
      });
      // Each bar with an interval has a black vertical stroke through its middle from fra to til.
      let whiskers = 0;
      overholdt.forEach((b, i) => {
        const iv = shown[i]?.interval;
        if (!iv) return;
        const mid = (b.left + b.right) / 2;
        const line = page.strokes.find(
          (s) =>
            s.rgb === '000000' &&
            Math.abs(s.left - mid) < 1 &&
            Math.abs(s.right - mid) < 1 &&
            s.top - s.bottom > 1,
        );
        expect(line).toBeDefined();
        expect(((line as PdfPath).bottom - baseline) / scale).toBeCloseTo(iv[0], 1);
        expect(((line as PdfPath).top - baseline) / scale).toBeCloseTo(iv[1], 1);
        whiskers += 1;
      });
      expect(whiskers).toBeGreaterThan(0);
    },
  );

  it.each(inputs)('%s: Notat prints every paragraph whole, lines wrapped and not over each other', (name) => {
    const p = printed[name] as Printed;
    const pages = p.pages.Notat;
    expect(pages.length).toBeLessThanOrEqual(2);
    for (const page of pages) expect(overlaps(page)).toEqual([]);
    const text = squeeze(pages.flatMap((pg) => pg.lines.map((l) => l.text)).join(''));
    expect(p.memo.length).toBeGreaterThan(3);
    for (const para of p.memo) expect(text).toContain(squeeze(para));
  });
});
