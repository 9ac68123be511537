import { a1 } from './address';
import { dayFromYmd, formatDay, ymdFromDay } from './days';
import { findRuleSet, RULESET_IDS } from './rules';
import { normalizeHeader } from './headers';
import { hasCprShape } from './redact';
import { SETTINGS_SHEET, sameSheetName, sheetRef } from './sheetnames';
import { isFailure, parseDate, parseText, parseYesNo, type ParseFailure } from './values';
import { failure } from './failure';
import { stripInvisible } from './fold';
import type { Cell, Day, Formaal, PlanValue, Problem, Settings, SheetSnapshot, Snapshot } from './types';

export { SETTINGS_SHEET };

/** The labels of the settings sheet (spec §2.2), in the order the template writes them. */
export const SETTINGS_LABELS: { readonly [K in keyof Settings]-?: string } = {
  kommune: 'Kommune',
  undersoegelsesaar: 'Undersøgelsesår',
  afgoerelsesaar: 'Afgørelsesår',
  opgoerelsesdato: 'Opgørelsesdato',
  antalSager: 'Antal sager',
  hoejstAnbringelser: 'Højst antal anbringelser',
  offentliggoerelse: 'Offentliggørelse',
  initialer: 'Initialer',
  regelsaet: 'Regelsæt',
  formaal: 'Formål',
  periodeFra: 'Periode fra',
  periodeTil: 'Periode til',
};

/** The two values of "Formål" as written in the sheet and offered in its drop-down (issue 12 item 6). */
export const FORMAAL_TEXT: { readonly [K in Formaal]: string } = {
  indsendelse: 'Indsendelse til Ankestyrelsen',
  egenkontrol: 'Egenkontrol',
};
export const FORMAAL_CHOICES: readonly string[] = [FORMAAL_TEXT.indsendelse, FORMAAL_TEXT.egenkontrol];

/** Whether the settings ask for the municipality's own control of a period (not the barometer's sample). */
export const isEgenkontrol = (settings: Pick<Settings, 'formaal'>): boolean =>
  settings.formaal === 'egenkontrol';

/** Formål read leniently (case, spacing, punctuation; "Indsendelse" and "Løbende egenkontrol" too), or null. */
export function parseFormaal(text: string): Formaal | null {
  const t = normalizeHeader(text);
  if (t === normalizeHeader(FORMAAL_TEXT.egenkontrol) || t === normalizeHeader('Løbende egenkontrol'))
    return 'egenkontrol';
  if (t === normalizeHeader(FORMAAL_TEXT.indsendelse) || t === normalizeHeader('Indsendelse'))
    return 'indsendelse';
  return null;
}

const KEYS = Object.keys(SETTINGS_LABELS) as (keyof Settings)[];
const LABEL_KEYS = new Map<string, keyof Settings>(KEYS.map((k) => [normalizeHeader(SETTINGS_LABELS[k]), k]));

export const DEFAULT_ANTAL_SAGER = 17;
/** Longest Kommune name used in titles and memo (see readSettings). */
export const MAX_KOMMUNE_LENGTH = 100;
export const DEFAULT_HOEJST_ANBRINGELSER = 9;

/** Afgørelsesår = Undersøgelsesår − 2 (spec §2.2). */
export const defaultAfgoerelsesaar = (undersoegelsesaar: number): number => undersoegelsesaar - 2;
/** Undersøgelsesår = Afgørelsesår + 2: the 2023 edition reviewed decisions from 2021 (barnets-lov.md §1). */
export const defaultUndersoegelsesaar = (afgoerelsesaar: number): number => afgoerelsesaar + 2;
/** Afgørelsesår when neither year is given: the year before the run date (spec §2.2). */
export const yearBefore = (today: Day): number => ymdFromDay(today).y - 1;
/** Opgørelsesdato = 23-03-(Afgørelsesår + 1) (spec §2.2). */
export const defaultOpgoerelsesdato = (afgoerelsesaar: number): Day => dayFromYmd(afgoerelsesaar + 1, 3, 23);

const YEAR_FAIL = failure('invalid-setting', 'et gyldigt årstal', 'Skriv årstallet med fire cifre, fx 2023.');
const COUNT_FAIL = failure('invalid-setting', 'et gyldigt antal', 'Skriv et helt tal.');
const FORMAAL_FAIL = failure(
  'invalid-setting',
  'et kendt formål',
  `Vælg "${FORMAAL_TEXT.indsendelse}" eller "${FORMAAL_TEXT.egenkontrol}" på listen.`,
);
const RULESET_FAIL = failure(
  'invalid-setting',
  'et kendt regelsæt',
  `Skriv ${RULESET_IDS.join(' eller ')}, eller lad feltet stå tomt, så afgørelsesdatoen afgør regelsættet.`,
);

function wholeNumber(cell: Cell, min: number, max: number, fail: ParseFailure): number | null | ParseFailure {
  let n: number;
  if (cell === null) return null;
  if (typeof cell === 'number') n = cell;
  else if (typeof cell === 'string') {
    const t = stripInvisible(cell).trim();
    if (t === '') return null;
    if (!/^\d{1,6}$/.test(t)) return fail;
    n = Number(t);
  } else if (typeof cell === 'object' && 'n' in cell) n = cell.n;
  else return fail;
  return Number.isInteger(n) && n >= min && n <= max ? n : fail;
}

interface Found {
  readonly cell: Cell;
  /** A1 address of the value cell. */
  readonly ref: string;
}

/** Label | value rows; a label may stand in column A or B (the value is the cell to its right). */
function scan(sheet: SheetSnapshot | undefined): Map<keyof Settings, Found> {
  const found = new Map<keyof Settings, Found>();
  if (!sheet) return found;
  sheet.rows.forEach((row, r) => {
    for (let c = 0; c < 2; c += 1) {
      const label = row[c];
      if (typeof label !== 'string') continue;
      const key = LABEL_KEYS.get(normalizeHeader(label));
      if (key === undefined) continue;
      // Decision: the first row with a label counts; later repeats are ignored.
      if (!found.has(key)) found.set(key, { cell: row[c + 1] ?? null, ref: a1(r + 1, c + 2) });
      break;
    }
  });
  return found;
}

/**
 * Reads the settings (spec §2.2) from the sheet "Indstillinger", with defaults for blank or
 * unreadable values (each unreadable one is a problem naming its cell and the default used).
 * Overrides (CLI flags, the task pane) win over the sheet. Defaults are derived from the
 * effective values: Afgørelsesår = Undersøgelsesår − 2, Opgørelsesdato = 23-03-(Afgørelsesår + 1).
 */
export function readSettings(
  snapshot: Snapshot,
  overrides: Partial<Settings>,
  today: Day,
): { settings: Settings; problems: Problem[] } {
  const sheetName =
    Object.keys(snapshot.sheets).find((n) => sameSheetName(n, SETTINGS_SHEET)) ?? SETTINGS_SHEET;
  const found = scan(snapshot.sheets[sheetName]);
  const problems: Problem[] = [];

  const read = <T>(
    key: keyof Settings,
    parse: (cell: Cell) => T | null | ParseFailure,
    fallback: () => T,
    show: (v: T) => string,
  ): T => {
    const o = overrides[key];
    if (o !== undefined) return o as T;
    const f = found.get(key);
    if (f === undefined) return fallback();
    const v = parse(f.cell);
    if (v === null) return fallback();
    if (!isFailure(v)) return v;
    const def = fallback();
    problems.push({
      sagsnr: null,
      row: Number(f.ref.replace(/^[A-Z]+/, '')),
      column: null,
      severity: 'error',
      code: 'invalid-setting',
      message: `${sheetRef(sheetName, f.ref)} (${SETTINGS_LABELS[key]}): værdien er ikke ${v.what}, så standardværdien ${show(def)} bruges. ${v.hint}`,
      sheet: sheetName,
      cell: f.ref,
    });
    return def;
  };

  const d1904 = snapshot.date1904;
  const str = (v: number) => String(v);
  const text = (cell: Cell): string | null | ParseFailure => parseText(cell, d1904);

  // Decision: a trailing "Kommune" is dropped ("Ishøj Kommune" → "Ishøj"), since titles add it.
  const kommuneRaw = read<string | null>(
    'kommune',
    text,
    () => null,
    (v) => v ?? '',
  );
  const kommuneName = kommuneRaw === null ? null : kommuneRaw.replace(/\s+kommune\s*$/i, '').trim() || null;
  // Decision: a Kommune longer than 100 characters is no municipality's name (the longest Danish one
  // has 14), and it would push titles and memo lines past Excel's 32,767 characters per cell (a file
  // Excel must repair). It is left out of titles and memo, and reported.
  const kommuneTooLong = kommuneName !== null && kommuneName.length > MAX_KOMMUNE_LENGTH;
  // A Kommune value the titles and memo cannot use: one error naming its cell (or the flag).
  const refuseKommune = (why: string): void => {
    const f = overrides.kommune === undefined ? found.get('kommune') : undefined;
    problems.push({
      sagsnr: null,
      row: f ? Number(f.ref.replace(/^[A-Z]+/, '')) : null,
      column: null,
      severity: 'error',
      code: 'invalid-setting',
      message: `${f ? `${sheetRef(sheetName, f.ref)} (Kommune)` : '--kommune'}: ${why}`,
      sheet: f ? sheetName : null,
      cell: f ? f.ref : null,
    });
  };
  if (kommuneTooLong) {
    refuseKommune(
      `navnet er ${kommuneName.length} tegn langt, så det bruges ikke i titler og notat; skriv kun kommunens navn, fx "Ishøj" (højst ${MAX_KOMMUNE_LENGTH} tegn).`,
    );
  }
  // Decision: a Kommune of CPR shape is a CPR number typed in the wrong cell (spec §2.5): it is
  // never put in titles or memo, and the message does not repeat it.
  const kommuneCpr = !kommuneTooLong && kommuneName !== null && hasCprShape(kommuneName);
  if (kommuneCpr) {
    refuseKommune(
      'værdien ligner et cpr-nummer, så den bruges ikke i titler og notat; skriv kun kommunens navn, fx "Ishøj".',
    );
  }
  const kommune = kommuneTooLong || kommuneCpr ? null : kommuneName;
  const formaal = read<Formaal>(
    'formaal',
    (c) => {
      const t = text(c);
      if (t === null || isFailure(t)) return t;
      return parseFormaal(t) ?? FORMAAL_FAIL;
    },
    () => 'indsendelse',
    (v) => `"${FORMAAL_TEXT[v]}"`,
  );
  const egen = formaal === 'egenkontrol';
  const period = readPeriod({ overrides, found, sheetName, d1904, egen, problems });
  // Either year follows from the other; with neither, Afgørelsesår is the year before today (spec §2.2).
  const yearCell = (c: Cell) => wholeNumber(c, 2000, 2100, YEAR_FAIL);
  const givenYear = (key: 'undersoegelsesaar' | 'afgoerelsesaar'): boolean => {
    if (overrides[key] !== undefined) return true;
    const f = found.get(key);
    const v = f === undefined ? null : yearCell(f.cell);
    return v !== null && !isFailure(v);
  };
  // Decision: under Egenkontrol with neither year given, Afgørelsesår is the year Periode til falls in,
  // so a case without a readable decision date takes the law of the period's end (barnets-lov.md §1).
  const periodEnd = period.til ?? period.fra;
  const noYear = egen && periodEnd !== null ? ymdFromDay(periodEnd).y : yearBefore(today);
  const undersoegelsesaar = read(
    'undersoegelsesaar',
    yearCell,
    () =>
      defaultUndersoegelsesaar(
        givenYear('afgoerelsesaar') ? read('afgoerelsesaar', yearCell, () => 0, str) : noYear,
      ),
    str,
  );
  const afgoerelsesaar = read(
    'afgoerelsesaar',
    yearCell,
    () => (givenYear('undersoegelsesaar') ? defaultAfgoerelsesaar(undersoegelsesaar) : noYear),
    str,
  );
  // Decision: under Egenkontrol the cut-off for "has run 3 months" defaults to the run date: the
  // control looks at the cases as they stand today, not at a call's fixed date (SEL § 70, stk. 1 / BL § 95).
  const opgoerelsesdato = read(
    'opgoerelsesdato',
    (c) => parseDate(c, d1904),
    () => (egen ? today : defaultOpgoerelsesdato(afgoerelsesaar)),
    formatDay,
  );
  const antalSager = read(
    'antalSager',
    (c) => wholeNumber(c, 1, 10_000, COUNT_FAIL),
    () => DEFAULT_ANTAL_SAGER,
    str,
  );
  const hoejstAnbringelser = read(
    'hoejstAnbringelser',
    (c) => wholeNumber(c, 0, 10_000, COUNT_FAIL),
    () => DEFAULT_HOEJST_ANBRINGELSER,
    str,
  );
  const offentliggoerelse = read(
    'offentliggoerelse',
    (c) => parseYesNo(c, d1904),
    () => false,
    (v) => (v ? 'Ja' : 'Nej'),
  );
  const initialer = read<string | null>(
    'initialer',
    text,
    () => null,
    (v) => v ?? '',
  );
  // Regelsæt: a known rule-set id forces it on every case; blank = by each case's decision date.
  const regelsaet = read<string | null>(
    'regelsaet',
    (c) => {
      const t = text(c);
      if (t === null || isFailure(t)) return t;
      return findRuleSet(t)?.id ?? RULESET_FAIL;
    },
    () => null,
    () => 'tom (regelsæt efter afgørelsesdato)',
  );

  if (kommune === null && !kommuneTooLong && !kommuneCpr) {
    const f = found.get('kommune');
    problems.push({
      sagsnr: null,
      row: f ? Number(f.ref.replace(/^[A-Z]+/, '')) : null,
      column: null,
      severity: 'warning',
      code: 'missing-kommune',
      message: `Kommune mangler: skriv kommunens navn ud for "Kommune" i arket ${SETTINGS_SHEET}${f ? ` (${f.ref})` : ''}, så tabellernes kildelinje og notatet kan nævne kommunen.`,
      sheet: f ? sheetName : null,
      cell: f ? f.ref : null,
    });
  }
  // Decision: a cut-off date after the run date would count measures as having run 3 months
  // before they have (SEL § 70, stk. 1), so it is flagged.
  if (opgoerelsesdato > today) {
    const f = overrides.opgoerelsesdato === undefined ? found.get('opgoerelsesdato') : undefined;
    problems.push({
      sagsnr: null,
      row: f ? Number(f.ref.replace(/^[A-Z]+/, '')) : null,
      column: null,
      severity: 'warning',
      code: 'opgoerelsesdato-future',
      message: `Opgørelsesdatoen ${formatDay(opgoerelsesdato)} ligger efter dags dato ${formatDay(today)}; ret Opgørelsesdato i arket ${f ? sheetRef(sheetName, f.ref) : SETTINGS_SHEET}, så tremånedersfristerne måles til en dato, der er nået.`,
      sheet: f ? sheetName : null,
      cell: f ? f.ref : null,
    });
  }

  return {
    settings: {
      kommune,
      undersoegelsesaar,
      afgoerelsesaar,
      opgoerelsesdato,
      antalSager,
      hoejstAnbringelser,
      offentliggoerelse,
      initialer,
      ...(regelsaet === null ? {} : { regelsaet }),
      ...(egen ? { formaal, periodeFra: period.fra, periodeTil: period.til } : {}),
    },
    problems,
  };
}

interface PeriodInput {
  readonly overrides: Partial<Settings>;
  readonly found: Map<keyof Settings, Found>;
  readonly sheetName: string;
  readonly d1904: boolean;
  readonly egen: boolean;
  readonly problems: Problem[];
}

/**
 * Periode fra / Periode til (Egenkontrol): each a date; a missing one, an unreadable one, or fra after
 * til is an error naming the cell and what to write; such a bound is left open (null), so the run still
 * covers every case on the list. Under Indsendelse a filled-in period is ignored, with a warning.
 */
function readPeriod(input: PeriodInput): { fra: Day | null; til: Day | null } {
  const { overrides, found, sheetName, d1904, egen, problems } = input;
  const where = (key: 'periodeFra' | 'periodeTil'): { ref: string | null; text: string } => {
    const f = overrides[key] === undefined ? found.get(key) : undefined;
    const flag = key === 'periodeFra' ? '--periode-fra' : '--periode-til';
    if (overrides[key] !== undefined) return { ref: null, text: flag };
    return f
      ? { ref: f.ref, text: `${sheetRef(sheetName, f.ref)} (${SETTINGS_LABELS[key]})` }
      : { ref: null, text: `Arket ${SETTINGS_SHEET}` };
  };
  const push = (
    key: 'periodeFra' | 'periodeTil',
    severity: 'error' | 'warning',
    code: Problem['code'],
    message: string,
  ): void => {
    const w = where(key);
    problems.push({
      sagsnr: null,
      row: w.ref === null ? null : Number(w.ref.replace(/^[A-Z]+/, '')),
      column: null,
      severity,
      code,
      message: `${w.text}: ${message}`,
      sheet: w.ref === null ? null : sheetName,
      cell: w.ref,
    });
  };
  const one = (key: 'periodeFra' | 'periodeTil'): Day | null | 'unreadable' => {
    const o = overrides[key];
    if (o !== undefined) return o;
    const f = found.get(key);
    if (f === undefined) return null;
    const v = parseDate(f.cell, d1904);
    return isFailure(v) ? 'unreadable' : v;
  };
  const fra = one('periodeFra');
  const til = one('periodeTil');
  if (!egen) {
    for (const [key, v] of [
      ['periodeFra', fra],
      ['periodeTil', til],
    ] as const) {
      if (v === null) continue;
      push(
        key,
        'warning',
        'invalid-period',
        `perioden bruges kun, når Formål er "${FORMAAL_TEXT.egenkontrol}"; indkaldelsen følger Afgørelsesår. Vælg Formål "${FORMAAL_TEXT.egenkontrol}", eller slet perioden.`,
      );
    }
    return { fra: null, til: null };
  }
  const label = (key: 'periodeFra' | 'periodeTil'): string => SETTINGS_LABELS[key].toLowerCase();
  for (const [key, v] of [
    ['periodeFra', fra],
    ['periodeTil', til],
  ] as const) {
    if (v === null) {
      push(
        key,
        'error',
        'missing-period',
        `Formål er "${FORMAAL_TEXT.egenkontrol}", men ${label(key)} mangler, så perioden er åben i den ende; skriv datoen ud for "${SETTINGS_LABELS[key]}" som dd-mm-åååå, fx ${key === 'periodeFra' ? '01-01-2024' : '31-12-2025'}.`,
      );
    } else if (v === 'unreadable') {
      push(
        key,
        'error',
        'invalid-period',
        `værdien er ikke en gyldig dato, så perioden er åben i den ende; skriv datoen som dd-mm-åååå, fx ${key === 'periodeFra' ? '01-01-2024' : '31-12-2025'}.`,
      );
    }
  }
  const f = typeof fra === 'number' ? fra : null;
  const t = typeof til === 'number' ? til : null;
  if (f !== null && t !== null && f > t) {
    push(
      'periodeTil',
      'error',
      'invalid-period',
      `periode til ${formatDay(t)} ligger før periode fra ${formatDay(f)}, så perioden bruges ikke; ret en af de to datoer.`,
    );
    return { fra: null, til: null };
  }
  return { fra: f, til: t };
}

/**
 * The label | value rows of the settings sheet, as the template and the task pane write them.
 * Decision: Opgørelsesdato is written as dd-mm-yyyy text (PlanValue carries no number format,
 * and readSettings reads the text form back exactly).
 */
export function settingsSheetRows(settingsOrToday: Settings | Day): PlanValue[][] {
  // A Day (the template's "today") means the defaults: a new workbook starts from them.
  const settings = typeof settingsOrToday === 'number' ? defaultSettings(settingsOrToday) : settingsOrToday;
  return [
    [SETTINGS_LABELS.kommune, settings.kommune],
    [SETTINGS_LABELS.undersoegelsesaar, settings.undersoegelsesaar],
    [SETTINGS_LABELS.afgoerelsesaar, settings.afgoerelsesaar],
    [SETTINGS_LABELS.opgoerelsesdato, formatDay(settings.opgoerelsesdato)],
    [SETTINGS_LABELS.antalSager, settings.antalSager],
    [SETTINGS_LABELS.hoejstAnbringelser, settings.hoejstAnbringelser],
    [SETTINGS_LABELS.offentliggoerelse, settings.offentliggoerelse ? 'Ja' : 'Nej'],
    [SETTINGS_LABELS.initialer, settings.initialer],
    [SETTINGS_LABELS.regelsaet, settings.regelsaet ?? null],
    [SETTINGS_LABELS.formaal, FORMAAL_TEXT[settings.formaal ?? 'indsendelse']],
    [SETTINGS_LABELS.periodeFra, settings.periodeFra == null ? null : formatDay(settings.periodeFra)],
    [SETTINGS_LABELS.periodeTil, settings.periodeTil == null ? null : formatDay(settings.periodeTil)],
  ];
}

/** The settings used on a run date when there is no sheet and no override (Kommune unknown). */
export function defaultSettings(today: Day): Settings {
  const afgoerelsesaar = yearBefore(today);
  return {
    kommune: null,
    undersoegelsesaar: defaultUndersoegelsesaar(afgoerelsesaar),
    afgoerelsesaar,
    opgoerelsesdato: defaultOpgoerelsesdato(afgoerelsesaar),
    antalSager: DEFAULT_ANTAL_SAGER,
    hoejstAnbringelser: DEFAULT_HOEJST_ANBRINGELSER,
    offentliggoerelse: false,
    initialer: null,
  };
}
