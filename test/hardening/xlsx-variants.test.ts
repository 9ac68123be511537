/**
 * A generator of valid-but-unusual and malformed variants of a base workbook (ExcelJS-made, with
 * shared strings, styles, merges and a settings sheet), each run through the package editor:
 * - valid variants (single quotes, line breaks in tags, prefixes, CDATA, comments, character
 *   references, UTF-16, no declaration, whitespace, and pairs of them) must check, the input stay
 *   byte-identical, every output part be well-formed (xmllint), and every cell of the case and
 *   settings sheets read back equal to the base; a sample is also opened by LibreOffice headless
 *   and its case sheet compared;
 * - malformed variants (truncated parts, a cell without </c>, DOCTYPEs, unknown entities,
 *   unbound prefixes, duplicate attributes, bad bytes, zip damage) must be refused with the
 *   Danish damaged-file message and exit 1. They run in a child process with a hang guard of
 *   10 s per input and a 1.5 GB heap, since a hang is what such input used to cause;
 * - a sample of both goes through the CLI's main() in-process: exit codes, one stderr line, the
 *   output written only for valid input, the input unchanged.
 */
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { main } from '../../src/cli/main';
import { DAMAGED_XLSX } from '../../src/workbook/fileErrors';
import { XlsxPackageWorkbook } from '../../src/workbook/xlsxpackage';
import type { Snapshot } from '../../src/domain/types';
import { DATA_COLUMNS, fixtureWorkbook } from '../adapters/fixtures';
import { ConversionQueue, parseCsv, sheetCsvFiles } from './libreoffice';
import { changedCells, malformedParts, runCheck, utf16, zipOf, type Parts } from './xlsx-package';

type Transform = (name: string, text: string) => string | Uint8Array;

const isXml = (name: string): boolean => /\.(xml|rels)$/.test(name);
const TAG_RE = /<[A-Za-z_][^<>]*>/g;
/** Applies `f` to every start or empty tag. */
const inTags = (text: string, f: (tag: string) => string): string => text.replace(TAG_RE, f);
const decodeEntities = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_m, e: string) =>
    e === 'amp'
      ? '&'
      : e === 'lt'
        ? '<'
        : e === 'gt'
          ? '>'
          : e === 'quot'
            ? '"'
            : e === 'apos'
              ? "'"
              : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
/** Unprefixed element names (the default namespace) under prefix `p`. */
const prefixDefault = (text: string, p: string): string =>
  text
    .replace(
      /<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g,
      (m, slash: string, name: string) => `<${slash}${p}:${name}`,
    )
    .replace(/\sxmlns\s*=\s*(["'])/, ` xmlns:${p}=$1`);

/** Valid variants: each must check like the base. */
const VALID: Readonly<Record<string, Transform>> = {
  singleQuotes: (_n, t) =>
    inTags(t, (tag) => tag.replace(/="([^"]*)"/g, (_m, v: string) => `='${v.replace(/'/g, '&apos;')}'`)),
  attributeLineBreaks: (_n, t) => inTags(t, (tag) => tag.replace(/ ([A-Za-z_][\w:.-]*)=/g, '\n\t $1 = ')),
  prefixedEverything: (n, t) =>
    prefixDefault(t, n.endsWith('.rels') ? 'pr' : n === '[Content_Types].xml' ? 'ct' : 'x'),
  relsPrefixOnSheets: (n, t) =>
    n === 'xl/workbook.xml'
      ? (() => {
          const decl = /\sxmlns:r\s*=\s*(["'])([^"']*)\1/.exec(t);
          return decl
            ? t.replace(decl[0], '').replace(/<((?:\w+:)?sheet)\s/g, `<$1 xmlns:r="${decl[2]}" `)
            : t;
        })()
      : t,
  cdataTexts: (_n, t) =>
    t.replace(
      /<(t|v)((?:\s[^>]*)?)>([^<]+)<\/\1>/g,
      (_m, el: string, a: string, body: string) => `<${el}${a}><![CDATA[${decodeEntities(body)}]]></${el}>`,
    ),
  commentsBetweenTags: (_n, t) => t.replace(/></g, '><!-- <sheet name="x"/> <si><t>kommentar</t></si> --><'),
  characterReferences: (_n, t) =>
    inTags(t, (tag) => tag.replace(/="([^"&])/g, (_m, c: string) => `="&#${c.codePointAt(0) ?? 0};`)),
  utf16le: (_n, t) => utf16(t.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"')),
  utf16be: (_n, t) => utf16(t.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'), true),
  noDeclaration: (_n, t) => t.replace(/^<\?xml[^?]*\?>\s*/, ''),
  utf8Bom: (_n, t) => `\ufeff${t}`,
  whitespaceAfterEndTags: (_n, t) => t.replace(/(<\/[^>]+>|<[^>]*\/>)(?=<)/g, '$1\r\n    '),
};

/** Malformed variants: each must be refused as a damaged file. */
const MALFORMED: Readonly<Record<string, (parts: Parts) => Parts | Uint8Array>> = {
  truncatedSheet: (p) => ({ ...p, [SHEET]: text(p, SHEET).slice(0, Math.floor(text(p, SHEET).length / 2)) }),
  cellWithoutEnd: (p) => ({ ...p, [SHEET]: text(p, SHEET).replace(/<\/c>/, '') }),
  doctypeSheet: (p) => ({ ...p, [SHEET]: withDoctype(text(p, SHEET)) }),
  doctypeWorkbook: (p) => ({ ...p, 'xl/workbook.xml': withDoctype(text(p, 'xl/workbook.xml')) }),
  doctypeSharedStrings: (p) => ({ ...p, [SST]: withDoctype(text(p, SST)) }),
  doctypeStyles: (p) => ({ ...p, 'xl/styles.xml': withDoctype(text(p, 'xl/styles.xml')) }),
  doctypeRels: (p) => ({ ...p, '_rels/.rels': withDoctype(text(p, '_rels/.rels')) }),
  doctypeContentTypes: (p) => ({ ...p, '[Content_Types].xml': withDoctype(text(p, '[Content_Types].xml')) }),
  unknownEntity: (p) => ({ ...p, [SST]: text(p, SST).replace(/<t>/, '<t>&ukendt;') }),
  unboundPrefix: (p) => ({ ...p, [SHEET]: text(p, SHEET).replace('<sheetData>', '<sheetData><q:row/>') }),
  duplicateAttribute: (p) => ({
    ...p,
    [SHEET]: text(p, SHEET).replace(/<c r="([A-Z]+\d+)"/, '<c r="$1" r="$1"'),
  }),
  invalidUtf8: (p) => {
    const b = new TextEncoder().encode(text(p, SST));
    b[b.indexOf(0x3e) + 1] = 0xc3; // a lead byte followed by "<"
    return { ...p, [SST]: b };
  },
  unclosedWorkbook: (p) => ({
    ...p,
    'xl/workbook.xml': text(p, 'xl/workbook.xml').replace(/<\/workbook>\s*$/, ''),
  }),
  ltInAttribute: (p) => ({ ...p, [SHEET]: text(p, SHEET).replace(/<c r="([A-Z]+\d+)"/, '<c r="<$1"') }),
  strayAmpersand: (p) => ({ ...p, [SST]: text(p, SST).replace(/<t>/, '<t>R & D ') }),
  nulCharacter: (p) => ({ ...p, [SST]: text(p, SST).replace(/<t>/, '<t>&#0;') }),
  garbageSheet: (p) => ({ ...p, [SHEET]: new Uint8Array(4096).map((_v, i) => (i * 7919) % 256) }),
  badCrc: (p) => {
    const z = zipOf(p);
    const i = indexOfName(z, SHEET, 0x02014b50);
    z[i + 16] = (z[i + 16] as number) ^ 0xff;
    return z;
  },
  truncatedArchive: (p) => zipOf(p).slice(0, -40),
  damagedDeflate: (p) => {
    const z = zipOf(p);
    const i = indexOfName(z, SHEET, 0x04034b50);
    for (let k = i + 200; k < i + 260; k += 1) z[k] = 0xff;
    return z;
  },
};

const SHEET = 'xl/worksheets/sheet1.xml';
const SST = 'xl/sharedStrings.xml';
const text = (p: Parts, name: string): string => {
  const v = p[name];
  if (v === undefined) throw new Error(`base has no ${name}`);
  return typeof v === 'string' ? v : new TextDecoder().decode(v);
};
const withDoctype = (t: string): string =>
  t.replace(
    /^(<\?xml[^?]*\?>)?/,
    (d) => `${d}<!DOCTYPE x [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>`,
  );
/** The offset of the local (0x04034b50) or central (0x02014b50) header of `name`. */
function indexOfName(z: Uint8Array, name: string, sig: number): number {
  const dv = new DataView(z.buffer, z.byteOffset);
  const want = new TextEncoder().encode(name);
  for (let i = 0; i + 46 < z.length; i += 1) {
    if (dv.getUint32(i, true) !== sig) continue;
    const at = sig === 0x04034b50 ? 30 : 46;
    const len = dv.getUint16(i + (sig === 0x04034b50 ? 26 : 28), true);
    if (len === want.length && want.every((b, k) => z[i + at + k] === b)) return i;
  }
  throw new Error(`no header for ${name}`);
}

function applyAll(parts: Parts, transforms: readonly Transform[]): Parts {
  const out: Parts = {};
  for (const [name, v] of Object.entries(parts)) {
    let cur: string | Uint8Array = v;
    for (const t of transforms) {
      if (!isXml(name) || typeof cur !== 'string') break;
      cur = t(name, cur);
    }
    out[name] = cur;
  }
  return out;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'barometer-variants-'));
const sha = (b: Uint8Array): string => crypto.createHash('sha256').update(b).digest('hex');

let baseParts: Parts;
let base: Snapshot;
beforeAll(async () => {
  const bytes = new Uint8Array(await fixtureWorkbook({ cases: 6 }));
  baseParts = Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([k, v]) => [k, isXml(k) ? new TextDecoder().decode(v) : v]),
  );
  base = await XlsxPackageWorkbook.fromBuffer(zipOf(baseParts)).readSnapshot();
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every valid variant alone, and pairs of them (each transform twice, with a different partner). */
function validVariants(): [string, Transform[]][] {
  const names = Object.keys(VALID);
  const out: [string, Transform[]][] = names.map((n) => [n, [VALID[n] as Transform]]);
  names.forEach((a, i) => {
    for (const step of [1, 5]) {
      const b = names[(i + step) % names.length] as string;
      // UTF-16 must be the last transform (it turns text into bytes).
      const pair = [a, b].sort((x, y) => Number(x.startsWith('utf16')) - Number(y.startsWith('utf16')));
      if (pair[0]?.startsWith('utf16') && pair[1]?.startsWith('utf16')) continue;
      out.push([pair.join('+'), pair.map((n) => VALID[n] as Transform)]);
    }
  });
  return out;
}

describe('valid-but-unusual variants check like the base workbook', () => {
  const produced: { name: string; file: string; after: Snapshot }[] = [];

  it.each(validVariants())('%s', async (name, transforms) => {
    const bytes = zipOf(applyAll(baseParts, transforms));
    const before = sha(bytes);
    const run = await runCheck(bytes);
    expect(sha(bytes)).toBe(before);
    expect(malformedParts(run.out)).toEqual([]);
    for (const sheet of ['Sagsoversigt', 'Indstillinger']) {
      expect({ sheet, changed: changedCells(base, run.before, sheet, DATA_COLUMNS) }).toEqual({
        sheet,
        changed: [],
      });
      expect({ sheet, changed: changedCells(base, run.after, sheet, DATA_COLUMNS) }).toEqual({
        sheet,
        changed: [],
      });
    }
    // A re-run on its own output: still well-formed, the same cells, the same verdict block.
    const again = await runCheck(run.out);
    expect(malformedParts(again.out)).toEqual([]);
    expect(changedCells(base, again.after, 'Sagsoversigt', DATA_COLUMNS)).toEqual([]);
    expect(again.plan.verdictBlock.col).toBe(run.plan.verdictBlock.col);
    expect(again.after.sheetNames).toEqual(run.after.sheetNames);
    const file = path.join(tmp, `${name.replace(/\+/g, '-')}.xlsx`);
    fs.writeFileSync(file, run.out);
    produced.push({ name, file, after: run.after });
  });

  it('a sample of the outputs opens in LibreOffice headless with the case sheet read back', async () => {
    const sample = produced.filter((_p, i) => i % 4 === 0);
    expect(sample.length).toBeGreaterThanOrEqual(6);
    const outDir = path.join(tmp, 'csv');
    const queue = new ConversionQueue(outDir, path.join(tmp, 'lo-profile'));
    for (const p of sample) queue.add(p.file);
    await queue.finish();
    for (const p of sample) {
      const csv = sheetCsvFiles(outDir, p.file).get('Sagsoversigt');
      expect({ variant: p.name, csv: csv !== undefined }).toEqual({ variant: p.name, csv: true });
      const rows = parseCsv(fs.readFileSync(csv as string, 'utf8'));
      const ours = p.after.sheets.Sagsoversigt?.rows ?? [];
      const diffs: string[] = [];
      ours.forEach((row, r) =>
        row.forEach((cell, c) => {
          const lo = rows[r]?.[c] ?? '';
          if (typeof cell === 'string' && lo !== cell) diffs.push(`R${r + 1}C${c + 1}`);
          if (typeof cell === 'number' && Math.abs(Number(lo) - cell) > 1e-6)
            diffs.push(`R${r + 1}C${c + 1}`);
        }),
      );
      expect({ variant: p.name, diffs }).toEqual({ variant: p.name, diffs: [] });
    }
  }, 300_000);
});

interface ChildLine {
  readonly file: string;
  readonly outcome: 'ok' | 'refused' | 'crash';
  readonly exit?: number;
  readonly message?: string;
}

/** Runs the child on `files`; a file that takes more than 10 s (after the child has started) is a hang. */
function runChild(files: readonly string[]): Promise<ChildLine[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--max-old-space-size=1536',
        '-r',
        'ts-node/register/transpile-only',
        path.join(__dirname, 'xlsx-variant-child.ts'),
        ...files,
      ],
      { cwd: path.join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines: ChildLine[] = [];
    let buf = '';
    let stderr = '';
    // Hang guard, not a speed goal: the first file also pays for the child's start (ts-node).
    let timer = setTimeout(() => hang(), 120_000);
    const hang = (): void => {
      child.kill('SIGKILL');
      reject(new Error(`hang: ${files[lines.length] ?? '?'} took more than 10 s`));
    };
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl = buf.indexOf('\n');
      while (nl >= 0) {
        lines.push(JSON.parse(buf.slice(0, nl)) as ChildLine);
        buf = buf.slice(nl + 1);
        nl = buf.indexOf('\n');
        clearTimeout(timer);
        timer = setTimeout(() => hang(), 10_000);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (lines.length === files.length) resolve(lines);
      else
        reject(
          new Error(
            `child stopped (${code}) after ${lines.length} of ${files.length}: ${stderr.slice(0, 2000)}`,
          ),
        );
    });
  });
}

describe('malformed variants are refused as damaged files, never a hang', () => {
  it('every malformed variant: exit 1 with the Danish damaged-file message', async () => {
    const files = Object.entries(MALFORMED).map(([name, make]) => {
      const made = make(baseParts);
      const file = path.join(tmp, `bad-${name}.xlsx`);
      fs.writeFileSync(file, made instanceof Uint8Array ? made : zipOf(made));
      return file;
    });
    const lines = await runChild(files);
    for (const l of lines) {
      const name = path.basename(l.file, '.xlsx');
      expect({
        name,
        outcome: l.outcome,
        exit: l.exit,
        damaged: (l.message ?? '').startsWith(DAMAGED_XLSX),
      }).toEqual({
        name,
        outcome: 'refused',
        exit: 1,
        damaged: true,
      });
    }
  }, 300_000);
});

describe('a sample through the CLI main() in-process', () => {
  it.each([
    ['valid', 'singleQuotes', 0],
    ['valid', 'utf16le', 0],
    ['valid', 'commentsBetweenTags', 0],
    ['malformed', 'cellWithoutEnd', 1],
    ['malformed', 'doctypeSheet', 1],
    ['malformed', 'badCrc', 1],
  ] as const)('%s %s → exit %d', async (kind, name, code) => {
    const bytes =
      kind === 'valid'
        ? zipOf(applyAll(baseParts, [VALID[name] as Transform]))
        : (() => {
            const made = (MALFORMED[name] as (p: Parts) => Parts | Uint8Array)(baseParts);
            return made instanceof Uint8Array ? made : zipOf(made);
          })();
    const input = path.join(tmp, `cli-${name}.xlsx`);
    const output = path.join(tmp, `cli-${name}-ud.xlsx`);
    fs.writeFileSync(input, bytes);
    const out: string[] = [];
    const err: string[] = [];
    const status = await main(['check', input, '--out', output, '--json', '--today', '24-11-2026'], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    expect(status).toBe(code);
    expect(sha(new Uint8Array(fs.readFileSync(input)))).toBe(sha(bytes));
    if (code === 0) {
      expect(err).toEqual([]);
      expect(malformedParts(new Uint8Array(fs.readFileSync(output)))).toEqual([]);
    } else {
      expect(err).toHaveLength(1);
      expect(err[0]).toContain(DAMAGED_XLSX);
      expect(fs.existsSync(output)).toBe(false);
    }
  });
});
