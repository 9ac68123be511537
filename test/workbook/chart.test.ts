/**
 * Issue 12 item 5: the CLI's result workbook carries Overblik's native chart as real parts.
 * `barometer check` runs on real workbooks (the bundled example, a list under both laws, the
 * example with a person's own chart on its case sheet); the written package is taken apart:
 * every XML part well-formed, every relationship resolving, every part with a content type, the
 * chart's references and caches equal to Overblik's cells (read by ExcelJS), its error bars equal
 * to the interval, its anchor below everything on the sheet. A re-run replaces the chart (one
 * chart, no orphaned part, rels or override) and a person's chart stays byte for byte.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Document, Element } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseRange } from '../../src/domain/address';
import { CHART_ROWS, CHART_TITLE } from '../../src/domain/chartPlan';
import { relsPartOf, resolveTarget } from '../../src/workbook/xlsx/package';
import { NS_CONTENT_TYPES, NS_PKG_REL, parseDom } from '../../src/workbook/xlsx/xml';
import { buildFixture } from '../fixtures/build';
import blandet from '../fixtures/data/blandet';
import { ROOT, runCli, tempDir } from '../cli/helpers';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'eksempel.xlsx'));

type Files = Record<string, Uint8Array>;

/** Runs `barometer check` on the bytes; the result package's parts. */
async function check(bytes: Uint8Array, name = 'liste'): Promise<{ files: Files; file: string }> {
  const dir = tempDir('chart-');
  const input = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(input, bytes);
  const file = path.join(dir, `${name}-resultat.xlsx`);
  const r = await runCli(['check', input, '--out', file, '--today', '23-11-2026']);
  expect(r.stderr).not.toMatch(/Fejl:|Error/);
  expect(r.status === 0 || r.status === 2).toBe(true);
  return { files: unzipSync(new Uint8Array(fs.readFileSync(file))), file };
}

const text = (files: Files, part: string): string => strFromU8(files[part] as Uint8Array);
const all = (el: Element | Document, ns: string, local: string): Element[] =>
  Array.from((el as Element).getElementsByTagNameNS(ns, local));
const one = (el: Element, ns: string, local: string): Element => {
  const hits = all(el, ns, local);
  expect(hits).toHaveLength(1);
  return hits[0] as Element;
};
const attr = (el: Element, ns: string, local: string): string => el.getAttributeNS(ns, local) ?? '';

/** Relationships of a part: id → resolved target part. */
function rels(files: Files, part: string): Map<string, { type: string; target: string }> {
  const name = relsPartOf(part);
  const out = new Map<string, { type: string; target: string }>();
  if (files[name] === undefined) return out;
  for (const r of all(parseDom(text(files, name)), NS_PKG_REL, 'Relationship')) {
    if (r.getAttribute('TargetMode') === 'External') continue;
    out.set(r.getAttribute('Id') ?? '', {
      type: r.getAttribute('Type') ?? '',
      target: resolveTarget(part, r.getAttribute('Target') ?? ''),
    });
  }
  return out;
}

/** The package invariants: XML well-formed, relationships resolve, content types complete and not stale. */
function expectSoundPackage(files: Files): void {
  const names = Object.keys(files);
  for (const n of names) if (/\.(xml|rels)$/.test(n)) expect(() => parseDom(text(files, n))).not.toThrow();
  for (const n of names.filter((x) => x.endsWith('.rels'))) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(n);
    const source = m ? `${m[1] ?? ''}${m[2] ?? ''}` : '';
    if (source !== '') expect([n, names.includes(source)]).toEqual([n, true]);
    for (const [id, r] of rels(files, source))
      expect([n, id, names.includes(r.target)]).toEqual([n, id, true]);
  }
  const types = parseDom(text(files, '[Content_Types].xml'));
  const overrides = all(types, NS_CONTENT_TYPES, 'Override').map((o) =>
    (o.getAttribute('PartName') ?? '').slice(1),
  );
  const defaults = all(types, NS_CONTENT_TYPES, 'Default').map((d) =>
    (d.getAttribute('Extension') ?? '').toLowerCase(),
  );
  for (const o of overrides) expect([o, names.includes(o)]).toEqual([o, true]);
  for (const n of names.filter((x) => x !== '[Content_Types].xml')) {
    const ext = n.slice(n.lastIndexOf('.') + 1).toLowerCase();
    expect([n, overrides.includes(n) || defaults.includes(ext)]).toEqual([n, true]);
  }
}

/** The worksheet part of a sheet, by its name. */
function sheetPart(files: Files, sheet: string): string {
  const wb = parseDom(text(files, 'xl/workbook.xml'));
  const el = all(wb, 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'sheet').find(
    (s) => s.getAttribute('name') === sheet,
  );
  expect(el).toBeDefined();
  const r = rels(files, 'xl/workbook.xml').get(attr(el as Element, NS_R, 'id'));
  return (r as { target: string }).target;
}

interface Found {
  readonly drawing: string;
  readonly chart: string;
  readonly anchor: Element;
  readonly space: Element;
}

/** Overblik's one drawing, its one anchor and the chart part it shows. */
function overviewChart(files: Files, sheet = 'Overblik'): Found {
  const part = sheetPart(files, sheet);
  const ws = parseDom(text(files, part)).documentElement as Element;
  const drawingEl = one(ws, 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'drawing');
  const sheetRels = rels(files, part);
  expect(sheetRels.size).toBe(1);
  const d = sheetRels.get(attr(drawingEl, NS_R, 'id'));
  expect(d?.type).toBe(`${NS_R}/drawing`);
  const drawing = (d as { target: string }).target;
  const wsDr = parseDom(text(files, drawing)).documentElement as Element;
  const anchor = one(wsDr, NS_XDR, 'twoCellAnchor');
  const c = rels(files, drawing).get(attr(one(anchor, NS_C, 'chart'), NS_R, 'id'));
  expect(c?.type).toBe(`${NS_R}/chart`);
  const chart = (c as { target: string }).target;
  return { drawing, chart, anchor, space: parseDom(text(files, chart)).documentElement as Element };
}

const vals = (el: Element, name: string): string[] =>
  all(el, NS_C, name).map((v) => v.getAttribute('val') ?? '');
const f = (el: Element): string => one(el, NS_C, 'f').textContent ?? '';
/** The points of a cache or literal, by index (absent points are empty cells). */
function points(cache: Element): Map<number, string> {
  const out = new Map<number, string>();
  for (const pt of all(cache, NS_C, 'pt'))
    out.set(Number(pt.getAttribute('idx')), one(pt, NS_C, 'v').textContent ?? '');
  return out;
}
/** The cells of a chart formula like 'Overblik'!$B$4:$B$17 on the worksheet. */
function cells(ws: ExcelJS.Worksheet, formula: string): ExcelJS.Cell[] {
  const m = /^'((?:[^']|'')+)'!(.+)$/.exec(formula);
  expect(m?.[1]?.replace(/''/g, "'")).toBe(ws.name);
  const r = parseRange((m?.[2] ?? '').replace(/\$/g, ''));
  const out: ExcelJS.Cell[] = [];
  for (let row = r.top; row <= r.bottom; row += 1)
    for (let col = r.left; col <= r.right; col += 1) out.push(ws.getCell(row, col));
  return out;
}
const num = (c: ExcelJS.Cell): number | null => (typeof c.value === 'number' ? c.value : null);

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The last row of a sheet holding a value, in columns A–I. */
function lastRow(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.eachRow((row, n) => {
    for (let c = 1; c <= 9; c += 1) if (row.getCell(c).value !== null) last = n;
  });
  return last;
}

describe("the CLI's result workbook has Overblik's chart as real OOXML parts", () => {
  let example: { files: Files; file: string };
  beforeAll(async () => {
    example = await check(EXAMPLE, 'eksempel');
  });

  it('writes a sound package: XML well-formed, every relationship resolves, every part has its content type', () => {
    expectSoundPackage(example.files);
    const types = text(example.files, '[Content_Types].xml');
    const found = overviewChart(example.files);
    expect(types).toContain(
      `PartName="/${found.chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`,
    );
    expect(types).toContain(
      `PartName="/${found.drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"`,
    );
  });

  it('draws a clustered column chart of Overholdt and Landsresultat whose references and caches are the Overblik cells', async () => {
    const { space } = overviewChart(example.files);
    const ws = (await workbook(example.file)).getWorksheet('Overblik') as ExcelJS.Worksheet;
    expect(one(space, 'http://schemas.openxmlformats.org/drawingml/2006/main', 't').textContent).toBe(
      CHART_TITLE,
    );
    const bar = one(space, NS_C, 'barChart');
    expect(vals(bar, 'barDir')).toEqual(['col']);
    expect(vals(bar, 'grouping')).toEqual(['clustered']);
    const series = all(bar, NS_C, 'ser');
    expect(series).toHaveLength(2);
    const names: string[] = [];
    for (const ser of series) {
      const tx = one(ser, NS_C, 'tx');
      const nameCell = cells(ws, f(tx));
      expect(nameCell).toHaveLength(1);
      expect(points(one(tx, NS_C, 'strCache')).get(0)).toBe(nameCell[0]?.value);
      names.push(String(nameCell[0]?.value));
      const cat = one(ser, NS_C, 'cat');
      const labels = cells(ws, f(cat));
      expect(labels.length).toBe(13);
      const catPts = points(one(cat, NS_C, 'strCache'));
      labels.forEach((c, i) => expect(catPts.get(i)).toBe(c.value));
      const v = one(ser, NS_C, 'val');
      const numCells = cells(ws, f(v));
      const cache = one(v, NS_C, 'numCache');
      expect(vals(cache, 'ptCount')).toEqual([String(numCells.length)]);
      const pts = points(cache);
      numCells.forEach((c, i) => expect(pts.has(i) ? Number(pts.get(i)) : null).toBe(num(c)));
    }
    expect(names).toEqual(['Overholdt', 'Landsresultat']);
    // The value axis: 0–100 % in a percent format; a legend.
    const valAx = one(space, NS_C, 'valAx');
    expect(vals(valAx, 'min')).toEqual(['0']);
    expect(vals(valAx, 'max')).toEqual(['1']);
    expect(one(valAx, NS_C, 'numFmt').getAttribute('formatCode')).toBe('0%');
    expect(vals(one(space, NS_C, 'legend'), 'legendPos')).toEqual(['b']);
  });

  it('gives Overholdt custom error bars from fra to til (the 95 % interval), the lengths in hidden helper cells', async () => {
    const { space } = overviewChart(example.files);
    const ws = (await workbook(example.file)).getWorksheet('Overblik') as ExcelJS.Worksheet;
    const [ser, national] = all(space, NS_C, 'ser') as [Element, Element];
    expect(all(national, NS_C, 'errBars')).toHaveLength(0);
    const e = one(ser, NS_C, 'errBars');
    expect([vals(e, 'errDir'), vals(e, 'errBarType'), vals(e, 'errValType')]).toEqual([
      ['y'],
      ['both'],
      ['cust'],
    ]);
    const overholdt = cells(ws, f(one(ser, NS_C, 'val')));
    const rowOf = (c: ExcelJS.Cell): number => Number(c.row);
    const side = (name: 'plus' | 'minus'): ExcelJS.Cell[] => {
      const el = one(e, NS_C, name);
      const helper = cells(ws, f(el));
      const pts = points(one(el, NS_C, 'numCache'));
      helper.forEach((c, i) => expect(pts.has(i) ? Number(pts.get(i)) : null).toBe(num(c)));
      expect(helper.map(rowOf)).toEqual(overholdt.map(rowOf));
      return helper;
    };
    const plus = side('plus');
    const minus = side('minus');
    let checked = 0;
    overholdt.forEach((c, i) => {
      const b = num(c);
      const fra = num(ws.getCell(rowOf(c), 4));
      const til = num(ws.getCell(rowOf(c), 5));
      if (b === null) {
        expect([num(plus[i] as ExcelJS.Cell), num(minus[i] as ExcelJS.Cell)]).toEqual([null, null]);
        return;
      }
      expect(num(plus[i] as ExcelJS.Cell)).toBeCloseTo((til as number) - b, 9);
      expect(num(minus[i] as ExcelJS.Cell)).toBeCloseTo(b - (fra as number), 9);
      checked += 1;
    });
    expect(checked).toBeGreaterThan(10);
    // Hidden, right of everything else, so the sheet prints and reads as before.
    for (const c of [...plus, ...minus]) {
      expect(ws.getColumn(Number(c.col)).hidden).toBe(true);
      expect(Number(c.col)).toBeGreaterThan(10);
    }
  });

  it('anchors the chart below everything on Overblik, as wide as columns A–I and CHART_ROWS rows high', async () => {
    const { anchor } = overviewChart(example.files);
    const ws = (await workbook(example.file)).getWorksheet('Overblik') as ExcelJS.Worksheet;
    const at = (tag: string, what: string): number =>
      Number(one(one(anchor, NS_XDR, tag), NS_XDR, what).textContent);
    // Zero-based rows: the chart starts one empty row below the last row holding a value.
    expect(at('from', 'row')).toBe(lastRow(ws) + 1);
    expect(at('to', 'row') - at('from', 'row')).toBe(CHART_ROWS);
    expect([at('from', 'col'), at('to', 'col')]).toEqual([0, 9]);
  });

  it('replaces the chart on a re-run: one chart, the same parts, no orphaned part, relationship or override', async () => {
    const again = await check(new Uint8Array(fs.readFileSync(example.file)), 'igen');
    expectSoundPackage(again.files);
    const names = (fs: Files): string[] => Object.keys(fs).sort();
    expect(names(again.files)).toEqual(names(example.files));
    expect(names(again.files).filter((n) => /chart|drawing/.test(n))).toEqual([
      'xl/charts/chart1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/drawings/drawing1.xml',
    ]);
    // The same content types (the chart's two overrides are written anew, so they move to the end).
    const overrides = (fs: Files): string[] =>
      (text(fs, '[Content_Types].xml').match(/<Override [^>]*>/g) ?? []).sort();
    expect(overrides(again.files)).toEqual(overrides(example.files));
    expect(text(again.files, overviewChart(again.files).chart)).toBe(
      text(example.files, overviewChart(example.files).chart),
    );
  });

  it('drops the parts an Excel-made chart on the old Overblik brought (style and colour parts), with their overrides', async () => {
    // As the Office pane leaves it after Excel saved it: the chart part has style and colour parts.
    const files: Files = { ...example.files };
    const { chart } = overviewChart(files);
    const ms = 'http://schemas.microsoft.com/office/2011/relationships';
    files['xl/charts/style1.xml'] = strToU8(
      '<?xml version="1.0"?><cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>',
    );
    files['xl/charts/colors1.xml'] = strToU8(
      '<?xml version="1.0"?><cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>',
    );
    files[relsPartOf(chart)] = strToU8(
      `<?xml version="1.0"?><Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${ms}/chartStyle" Target="style1.xml"/><Relationship Id="rId2" Type="${ms}/chartColorStyle" Target="colors1.xml"/></Relationships>`,
    );
    files['[Content_Types].xml'] = strToU8(
      text(files, '[Content_Types].xml').replace(
        '</Types>',
        '<Override PartName="/xl/charts/style1.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/><Override PartName="/xl/charts/colors1.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/></Types>',
      ),
    );
    expectSoundPackage(files);
    const again = await check(zipSync(files), 'excel');
    expectSoundPackage(again.files);
    expect(Object.keys(again.files).filter((n) => /charts\//.test(n))).toEqual(['xl/charts/chart1.xml']);
    expect(text(again.files, '[Content_Types].xml')).not.toMatch(/style1|colors1/);
  });

  it("keeps a person's own chart on the case sheet byte for byte, and adds Overblik's beside it", async () => {
    // The person's chart: a drawing on the case sheet (sheet1) with one chart, as Excel stores one.
    const files: Files = unzipSync(new Uint8Array(EXAMPLE));
    const first = await check(EXAMPLE, 'plain');
    const { drawing, chart } = overviewChart(first.files);
    files['xl/worksheets/sheet1.xml'] = strToU8(
      text(files, 'xl/worksheets/sheet1.xml').replace('</worksheet>', '<drawing r:id="rId1"/></worksheet>'),
    );
    files['xl/worksheets/_rels/sheet1.xml.rels'] = strToU8(
      `<?xml version="1.0"?><Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    );
    for (const p of [drawing, relsPartOf(drawing), chart]) files[p] = first.files[p] as Uint8Array;
    files['[Content_Types].xml'] = strToU8(
      text(files, '[Content_Types].xml').replace(
        '</Types>',
        `<Override PartName="/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
      ),
    );
    const mine = [drawing, relsPartOf(drawing), chart, 'xl/worksheets/_rels/sheet1.xml.rels'];
    const input = zipSync(files);
    const once = await check(input, 'person');
    const twice = await check(new Uint8Array(fs.readFileSync(once.file)), 'person2');
    for (const out of [once, twice]) {
      expectSoundPackage(out.files);
      for (const p of mine)
        expect([
          p,
          Buffer.from(out.files[p] as Uint8Array).equals(Buffer.from(files[p] as Uint8Array)),
        ]).toEqual([p, true]);
      const ours = overviewChart(out.files);
      expect([ours.drawing, ours.chart]).toEqual(['xl/drawings/drawing2.xml', 'xl/charts/chart2.xml']);
      expect(
        Object.keys(out.files)
          .filter((n) => /charts\/chart\d/.test(n))
          .sort(),
      ).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml']);
    }
  });

  it('a list under both laws: one chart, of the first part', async () => {
    const mixed = await check(await buildFixture(blandet), 'blandet');
    expectSoundPackage(mixed.files);
    const { space } = overviewChart(mixed.files);
    const ws = (await workbook(mixed.file)).getWorksheet('Overblik') as ExcelJS.Worksheet;
    expect(all(space, NS_C, 'barChart')).toHaveLength(1);
    const cat = one(all(space, NS_C, 'ser')[0] as Element, NS_C, 'cat');
    const labels = cells(ws, f(cat));
    // The first part's rows: right under its heading (row 4), up to the next part's heading.
    const heading = String(ws.getCell(4, 1).value);
    expect(labels[0]?.row).toBe(5);
    const next = Number(labels[labels.length - 1]?.row) + 1;
    expect(String(ws.getCell(next, 1).value)).not.toMatch(/^\d+\.\d+ /);
    expect(String(ws.getCell(next, 1).value)).not.toBe(heading);
    for (const c of labels) expect(String(c.value)).toMatch(/^\d+\.\d+ /);
  });
});
