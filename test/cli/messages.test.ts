/**
 * Privacy in messages (issue 10, item 6; spec §2.5):
 * - redactCpr/hasCprShape (src/domain/redact.ts), property-tested with fast-check: a CPR number
 *   with any separators between any of its digits (none, space, dash, the dashes Word substitutes,
 *   dot, slash, no-break space, " - "), in 10- and 9-digit form, inside any text, is masked; dates,
 *   date ranges and numbers below 9 digits are left as they are.
 * - The missing-column message lists only headers the tool knows and counts the others; the
 *   no-case-sheet message shows only known or default sheet names and counts the others; a case
 *   sheet named after a child is named by its place.
 * - A Kommune of CPR shape (in Indstillinger or --kommune) is refused without being repeated.
 * - End to end through main(): none of these reaches stdout, stderr or the generated sheets.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { main } from '../../src/cli/main';
import { readCases } from '../../src/domain/records';
import {
  CPR_MASK,
  hasCprShape,
  isShowableSheetName,
  knownAndCount,
  redactCpr,
} from '../../src/domain/redact';
import { readSettings } from '../../src/domain/settings';
import { snap } from '../../src/domain/testing/snapshot';
import { fixtureWorkbook } from '../fixtures/build';
import eksempel from '../fixtures/data/eksempel';
import { tempDir } from './helpers';

const SEPARATORS = ['', ' ', '-', '.', '/', '_', '\u2013', '\u2011', '\u00a0', ' - ', '  ', ':'];
const digit = fc.integer({ min: 0, max: 9 }).map(String);
/** A CPR number written with any separators between its digits (9 digits: leading zero lost). */
const writtenCpr = fc
  .tuple(
    fc.array(digit, { minLength: 10, maxLength: 10 }),
    fc.array(fc.constantFrom(...SEPARATORS), { minLength: 9, maxLength: 9 }),
    fc.boolean(),
  )
  .map(([ds, seps, dropZero]) => {
    const digits = dropZero ? ['0', ...ds.slice(1)] : ds;
    const used = dropZero ? digits.slice(1) : digits;
    const text = used.map((d, i) => (i === 0 ? d : `${seps[i - 1] ?? ''}${d}`)).join('');
    return { digits: used.join(''), text };
  });
/** Text around it that holds no digit (so whatever digits are left came from the CPR number). */
const words = fc.string({ unit: fc.constantFrom(...'abcæøå ÆØÅ,;:()"\'-–'.split('')), maxLength: 12 });

describe('redactCpr', () => {
  it('masks a CPR number with any separators, anywhere in a text', () => {
    fc.assert(
      fc.property(words, writtenCpr, words, (before, cpr, after) => {
        // A separator-like character right beside the number may join it; a letter must not.
        const text = `${before}x${cpr.text}x${after}`;
        const out = redactCpr(text);
        expect(out).toContain(CPR_MASK);
        expect(out.replace(/\D/g, '')).toBe('');
        expect(out).toBe(`${before}x${CPR_MASK}x${after}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('masks every CPR number of a text with several', () => {
    fc.assert(
      fc.property(fc.array(writtenCpr, { minLength: 1, maxLength: 5 }), (cprs) => {
        const text = cprs.map((c) => `barn ${c.text} og`).join(' ');
        expect(redactCpr(text).replace(/\D/g, '')).toBe('');
      }),
    );
  });

  it('leaves dates, date ranges, row numbers and short numbers alone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 0, max: 99_999_999 }),
        (d, m, y, n) => {
          const day = `${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}`;
          for (const t of [
            day,
            `${day} – ${day}`,
            `række ${n}`,
            `${n} sager`,
            `Sagsoversigt!D${n % 1_048_577}`,
          ])
            expect(redactCpr(t)).toBe(t);
        },
      ),
    );
  });

  it.each([
    '120310 4118',
    '120310-4118',
    '1203104118',
    '12.03.10-4118',
    '120310 - 4118',
    '12 03 10 41 18',
    '702054738',
  ])('%s', (cpr) => {
    expect(redactCpr(`Overskrift ${cpr}`)).toBe(`Overskrift ${CPR_MASK}`);
    expect(hasCprShape(`Kommune ${cpr}`)).toBe(true);
  });

  it('knownAndCount quotes the known, counts the rest', () => {
    const known = (s: string): boolean => s.startsWith('Sag');
    expect(knownAndCount(['Sag nummer', 'Mette', '120310 4118'], known)).toBe('"Sag nummer" samt 2 andre');
    expect(knownAndCount(['Mette'], known)).toBe('1 anden');
    expect(knownAndCount([], known)).toBe('ingen');
    expect(knownAndCount(['Sag a', 'Sag b'], known)).toBe('"Sag a" og "Sag b"');
    expect(isShowableSheetName('Ark1', [])).toBe(true);
    expect(isShowableSheetName(' sagsoversigt ', ['Sagsoversigt'])).toBe(true);
    expect(isShowableSheetName('Mette Testesen', ['Sagsoversigt'])).toBe(false);
  });
});

const CHILD = 'Mette Testesen';
const CPR_FORMS = ['120310 4118', '120310-4118', '1203104118', '12.03.10-4118'];
const leaks = (text: string): string[] =>
  [CHILD, 'Mette', 'Testesen', ...CPR_FORMS, '4118', '120310'].filter((s) => text.includes(s));

describe('fatal messages name only what the tool knows', () => {
  it.each(CPR_FORMS)(
    'a missing column: a CPR number (%s) and a name as headers are counted, not quoted',
    (cpr) => {
      const r = readCases(
        snap({
          Sagsoversigt: [
            ['Sag nummer', 'Foranstaltning', cpr, CHILD, 'Noter'],
            [1, 'L5'],
          ],
        }),
      );
      if (r.ok) throw new Error('accepted');
      expect(r.error.code).toBe('missing-columns');
      expect(r.error.message).toContain(
        'fundne overskrifter i række 1: "Sag nummer" og "Foranstaltning" samt 3 andre',
      );
      expect(leaks(r.error.message)).toEqual([]);
    },
  );

  it('no case sheet: known and default sheet names are shown, a child-named sheet is counted', () => {
    const r = readCases(
      snap({
        Ark1: [['x']],
        [CHILD]: [['y']],
        '120310-4118': [['z']],
        Indstillinger: [['Kommune', 'Ishøj']],
      }),
    );
    if (r.ok) throw new Error('accepted');
    expect(r.error.code).toBe('no-case-sheet');
    expect(r.error.message).toContain('(arkene: "Ark1" og "Indstillinger" samt 2 andre ark)');
    expect(leaks(r.error.message)).toEqual([]);
    const none = readCases(snap({ [CHILD]: [['y']] }));
    expect(none.ok ? '' : none.error.message).toContain('(arkene: 1 ark med andre navne)');
  });

  it("a case sheet found by its headers under a child's name is named by its place", () => {
    const r = readCases(
      snap({ Ark1: [['a']], [`${CHILD} 120310-4118`]: [['Sag nummer', 'Foranstaltning', 'Noget']] }),
    );
    if (r.ok) throw new Error('accepted');
    expect(r.error.message).toMatch(/^Ark nr\. 2 fra venstre mangler kolonnerne/);
    expect(leaks(r.error.message)).toEqual([]);
  });
});

describe('a Kommune of CPR shape is refused without being repeated', () => {
  const today = 20_000;
  it.each(CPR_FORMS)('%s in Indstillinger and as --kommune', (cpr) => {
    const sheet = readSettings(snap({ Indstillinger: [['Kommune', cpr]] }), {}, today);
    expect(sheet.settings.kommune).toBeNull();
    const p = sheet.problems.find((x) => x.code === 'invalid-setting');
    expect(p?.message).toBe(
      'Indstillinger!B1 (Kommune): værdien ligner et cpr-nummer, så den bruges ikke i titler og notat; skriv kun kommunens navn, fx "Ishøj".',
    );
    expect(sheet.problems.map((x) => x.code)).not.toContain('missing-kommune');
    const flag = readSettings(snap({}), { kommune: cpr }, today);
    expect(flag.settings.kommune).toBeNull();
    expect(flag.problems.map((x) => x.message).join(' ')).toMatch(/^--kommune: værdien ligner et cpr-nummer/);
    for (const x of [...sheet.problems, ...flag.problems]) expect(leaks(x.message)).toEqual([]);
  });

  it('any CPR number with any separators is refused as Kommune; a phone number is not one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(digit, { minLength: 6, maxLength: 6 }),
        fc.array(fc.constantFrom(...SEPARATORS), { minLength: 9, maxLength: 9 }),
        (dd, mm, rest, seps) => {
          const digits = `${String(dd).padStart(2, '0')}${String(mm).padStart(2, '0')}${rest.join('')}`;
          const cpr = [...digits].map((d, i) => (i === 0 ? d : `${seps[i - 1] ?? ''}${d}`)).join('');
          const r = readSettings(snap({}), { kommune: cpr }, today);
          expect(r.settings.kommune).toBeNull();
          expect(r.problems.map((p) => p.message).join(' ')).not.toContain(digits.slice(6));
        },
      ),
    );
    expect(readSettings(snap({}), { kommune: '+45 12 34 56 78' }, today).settings.kommune).toBe(
      '+45 12 34 56 78',
    );
  });

  it('a real name stays', () => {
    expect(
      readSettings(snap({ Indstillinger: [['Kommune', 'Ishøj Kommune']] }), {}, today).settings.kommune,
    ).toBe('Ishøj');
  });
});

describe('end to end: nothing of CPR shape, no child-named sheet in stdout, stderr or generated sheets', () => {
  const dir = tempDir('barometer-messages-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function runMain(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
    return { code, out, err };
  }

  it.each(CPR_FORMS)('a CPR number (%s) as a header and a child-named case sheet: exit 2', async (cpr) => {
    const file = path.join(dir, `hoved-${CPR_FORMS.indexOf(cpr)}.xlsx`);
    const wb = fixtureWorkbook({
      ...eksempel,
      title: [],
      sheetName: CHILD,
      headers: eksempel.headers.map((h) => (h === 'Afgørelsesdato' ? cpr : h)),
    });
    await wb.xlsx.writeFile(file);
    const r = await runMain(['check', file, '--today', '23-11-2026']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^barometer: ".*": Ark nr\. 1 fra venstre mangler kolonnen "Afgørelsesdato" \(fundne overskrifter i række 1: "Sag nummer", .* samt 1 anden\)/,
    );
    expect(leaks(r.err)).toEqual([]);
  });

  it('a Kommune of CPR shape: not in stdout, JSON or any title', async () => {
    const file = path.join(dir, 'kommune.xlsx');
    await fixtureWorkbook({
      ...eksempel,
      settings: { ...eksempel.settings, Kommune: '120310-4118' },
    }).xlsx.writeFile(file);
    const out = path.join(dir, 'kommune-ud.xlsx');
    for (const flags of [[], ['--kommune', '12.03.10-4118']]) {
      const r = await runMain(['check', file, '--out', out, '--json', '--today', '23-11-2026', ...flags]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out) as { kommune: string | null; problems: { message: string }[] };
      expect(json.kommune).toBeNull();
      expect(json.problems.some((p) => /ligner et cpr-nummer/.test(p.message))).toBe(true);
      expect(leaks(r.out + r.err)).toEqual([]);
      const res = new ExcelJS.Workbook();
      await res.xlsx.readFile(out);
      for (const name of ['Resultattabeller', 'Overblik', 'Notat']) {
        res
          .getWorksheet(name)
          ?.eachRow((row) => row.eachCell((c) => expect([name, leaks(String(c.text))]).toEqual([name, []])));
      }
    }
  });
});
