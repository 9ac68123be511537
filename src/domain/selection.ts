import { a1 } from './address';
import { COLUMN_BY_ID } from './columns';
import { ageOn } from './cpr';
import { formatDay, ymdFromDay } from './days';
import { sheetRef } from './sheetnames';
import {
  UNREADABLE,
  type CaseRecord,
  type CaseSheetInfo,
  type ColumnId,
  type Problem,
  type Settings,
  type Severity,
} from './types';

/**
 * Selection checks (spec §3, "Kontrol af udvælgelse", seed 001): does each case meet the call's
 * criteria, and does the list as a whole? Cases that fail are still evaluated; the "Udvælgelse"
 * column and the problems flag them. Messages never contain a CPR number or a name.
 */

export interface CaseSelection {
  readonly selectionOk: boolean;
  /** "OK" or the failed checks, short, joined by "; ". */
  readonly text: string;
}

export interface SelectionResult {
  /** Same order as the records. */
  readonly cases: readonly CaseSelection[];
  readonly problems: readonly Problem[];
}

export const SELECTION_OK = 'OK';

const ANSWERS: Record<'anket' | 'ast_behandlet' | 'dom_ukn', [string, string]> = {
  anket: ['anket – skal ikke indsendes', 'Sagen er anket til Ankestyrelsen og skal ikke indsendes'],
  ast_behandlet: [
    'behandlet af Ankestyrelsen – skal ikke indsendes',
    'Sagen er behandlet af Ankestyrelsen og skal ikke indsendes',
  ],
  dom_ukn: [
    'afgørelse efter dom/UKN – skal ikke indsendes',
    'Afgørelsen er truffet efter en dom eller af Ungdomskriminalitetsnævnet og skal ikke indsendes',
  ],
};

export function checkSelection(
  records: readonly CaseRecord[],
  settings: Settings,
  info: Pick<CaseSheetInfo, 'name' | 'columns'>,
): SelectionResult {
  const sheet = info.name;
  const problems: Problem[] = [];
  // Per case, the failed checks; allocated only for a case that fails one (most pass).
  const texts: (string[] | undefined)[] = new Array<string[] | undefined>(records.length);
  const fails: boolean[] = new Array<boolean>(records.length).fill(false);

  const cellOf = (r: CaseRecord, id: ColumnId): string | null => {
    const col = info.columns[id];
    return col === undefined ? null : a1(r.row, col);
  };
  const flag = (
    i: number,
    r: CaseRecord,
    id: ColumnId,
    severity: Severity,
    code: string,
    short: string,
    message: string | null,
  ): void => {
    const t = texts[i];
    if (t === undefined) texts[i] = [short];
    else t.push(short);
    if (severity === 'error') fails[i] = true;
    if (message === null) return;
    const cell = cellOf(r, id);
    problems.push({
      sagsnr: typeof r.sagsnr === 'number' ? r.sagsnr : null,
      row: r.row,
      column: COLUMN_BY_ID[id].header,
      severity,
      code,
      message: `${cell === null ? `Arket ${sheet}, række ${r.row}` : sheetRef(sheet, cell)}: ${message}`,
      sheet,
      cell,
    });
  };

  const year = settings.afgoerelsesaar;
  records.forEach((r, i) => {
    const dec = r.afgoerelsesdato;
    if (typeof dec === 'number') {
      const y = ymdFromDay(dec).y;
      if (y !== year) {
        flag(
          i,
          r,
          'afgoerelsesdato',
          'error',
          'decision-outside-year',
          `afgørelsen er ikke fra ${year}`,
          `Afgørelsen er fra ${y}, men indkaldelsen gælder afgørelser truffet i ${year}; udskift sagen med en afgørelse fra ${year}, eller ret Afgørelsesår i Indstillinger.`,
        );
      }
    } else if (dec === null) {
      flag(
        i,
        r,
        'afgoerelsesdato',
        'error',
        'missing-decision-date',
        'afgørelsesdato mangler',
        'Afgørelsesdatoen mangler, så det kan ikke kontrolleres, om sagen hører til undersøgelsen; udfyld datoen.',
      );
    } else if (dec === UNREADABLE) {
      // The cell is already a problem of its own (records.ts); only the Udvælgelse text says it.
      flag(i, r, 'afgoerelsesdato', 'error', '', 'afgørelsesdato kan ikke læses', null);
    }

    const m = r.foranstaltning;
    if (m === 'D4') {
      flag(
        i,
        r,
        'foranstaltning',
        'warning',
        'measure-not-in-call',
        'døgnophold er ikke med i indkaldelsen',
        'Døgnophold (§ 52, stk. 3, nr. 4) er ikke blandt indkaldelsens foranstaltninger; overvej at udskifte sagen med en sag om anbringelse, familiebehandling, kontaktperson, praktisk pædagogisk støtte eller aflastning.',
      );
    } else if (m === null) {
      flag(
        i,
        r,
        'foranstaltning',
        'error',
        'missing-measure',
        'foranstaltning mangler',
        'Foranstaltningen mangler; udfyld hvilken foranstaltning afgørelsen gælder.',
      );
    } else if (m === UNREADABLE) {
      flag(i, r, 'foranstaltning', 'error', '', 'foranstaltning kan ikke læses', null);
    }

    for (const id of ['anket', 'ast_behandlet', 'dom_ukn'] as const) {
      if (r[id] === true) {
        const [short, long] = ANSWERS[id];
        flag(i, r, id, 'error', 'excluded-case', short, `${long}; udskift den med en anden sag.`);
      }
    }

    const cpr = r.cpr;
    if (cpr === null) {
      flag(
        i,
        r,
        'cpr',
        'error',
        'missing-cpr',
        'cpr-nr. mangler',
        'Barnets cpr-nummer mangler, så alder og søskende kan ikke kontrolleres; udfyld cpr-nummeret.',
      );
    } else if (cpr === UNREADABLE) {
      flag(i, r, 'cpr', 'error', '', 'ugyldigt cpr-nr.', null);
    } else if (typeof cpr === 'object' && typeof dec === 'number') {
      const age = ageOn(cpr.birthDay, dec);
      // Decision: a birth date after the decision is outside 0–22 too (the CPR or the date is wrong).
      if (age < 0 || age > 22 || cpr.birthDay > dec) {
        flag(
          i,
          r,
          'cpr',
          'error',
          'age-out-of-range',
          'alder ved afgørelsen uden for 0–22 år',
          `Barnets alder ved afgørelsen ${formatDay(dec)} er ikke mellem 0 og 22 år; kontrollér cpr-nummeret og afgørelsesdatoen.`,
        );
      } else if (age >= 18) {
        flag(
          i,
          r,
          'cpr',
          'warning',
          'age-over-17',
          `${age} år ved afgørelsen`,
          `Den unge var ${age} år ved afgørelsen ${formatDay(dec)}; kontrollér, at afgørelsen er en foranstaltning efter § 52, stk. 3, og ikke efterværn.`,
        );
      }
    }
  });

  // Siblings: same Familie (trimmed, case-insensitive); only the eldest by CPR birth date may be sent.
  const familyFirst = new Map<string, number>();
  const families = new Map<string, number[]>(); // only families with two or more cases
  records.forEach((r, i) => {
    if (typeof r.familie !== 'string') return;
    const k = r.familie.trim().toLowerCase();
    if (k === '') return;
    const first = familyFirst.get(k);
    if (first === undefined) {
      familyFirst.set(k, i);
      return;
    }
    const list = families.get(k);
    if (list) list.push(i);
    else families.set(k, [first, i]);
  });
  for (const members of families.values()) {
    if (members.length < 2) continue;
    const births = members.map((i) => {
      const c = (records[i] as CaseRecord).cpr;
      return typeof c === 'object' && c !== null ? c.birthDay : null;
    });
    const known = births.filter((b): b is number => b !== null);
    let eldest: number | null = null;
    for (const b of known) if (eldest === null || b < eldest) eldest = b;
    let firstEldestSeen = false;
    members.forEach((i, k) => {
      const r = records[i] as CaseRecord;
      const b = births[k] as number | null;
      const others = members.length - 1;
      if (b === null || eldest === null) {
        // Decision: without a readable birth date the eldest cannot be found; warn, do not fail.
        flag(
          i,
          r,
          'familie',
          'warning',
          'sibling-unknown-age',
          'søskende – send kun det ældste barn',
          `Sagen har ${others === 1 ? 'en søskendesag' : `${others} søskendesager`} på listen, og det kan ikke afgøres, hvem der er ældst, fordi et cpr-nummer mangler; send kun sagen om det ældste barn.`,
        );
      } else if (b > eldest) {
        flag(
          i,
          r,
          'familie',
          'error',
          'sibling-not-eldest',
          'søskende – ikke det ældste barn',
          'Barnet har en ældre søskende på listen, og indkaldelsen beder kun om sagen om det ældste barn; fjern denne sag.',
        );
      } else if (firstEldestSeen) {
        flag(
          i,
          r,
          'familie',
          'warning',
          'sibling-same-day',
          'søskende født samme dag – send kun ét barn',
          'Barnet har en søskende på listen, der er født samme dag; send kun ét af børnenes sager.',
        );
      } else {
        firstEldestSeen = true;
      }
    });
  }

  // Duplicate sagsnr and duplicate CPR: every occurrence is flagged, naming the other case.
  const dup = <K>(
    key: (r: CaseRecord) => K | null,
    id: ColumnId,
    code: string,
    short: string,
    what: string,
  ): void => {
    const firstOf = new Map<K, number>();
    const seen = new Map<K, number[]>(); // only keys used twice or more
    records.forEach((r, i) => {
      const k = key(r);
      if (k === null) return;
      const first = firstOf.get(k);
      if (first === undefined) {
        firstOf.set(k, i);
        return;
      }
      const l = seen.get(k);
      if (l) l.push(i);
      else seen.set(k, [first, i]);
    });
    for (const list of seen.values()) {
      for (const i of list) {
        const r = records[i] as CaseRecord;
        // At most 3 other rows are named, so a long list stays linear.
        const rows: number[] = [];
        for (let k = 0; k < list.length && rows.length < 3; k += 1) {
          if (list[k] !== i) rows.push((records[list[k] as number] as CaseRecord).row);
        }
        const more = list.length - 1 > rows.length ? ` og ${list.length - 1 - rows.length} andre` : '';
        flag(
          i,
          r,
          id,
          'error',
          code,
          short,
          `${what} som ${rows.length + (more ? 2 : 0) > 1 ? 'sagerne' : 'sagen'} i række ${rows.join(', ')}${more}; ret eller fjern de ekstra sager.`,
        );
      }
    }
  };
  dup(
    (r) => (typeof r.sagsnr === 'number' ? r.sagsnr : null),
    'sagsnr',
    'duplicate-sagsnr',
    'sagsnummeret er brugt flere gange',
    'Sagsnummeret er det samme',
  );
  dup(
    (r) => (typeof r.cpr === 'object' && r.cpr !== null ? r.cpr.text : null),
    'cpr',
    'duplicate-cpr',
    'samme barn står flere gange',
    'Cpr-nummeret er det samme',
  );

  // The whole list.
  const whole = (severity: Severity, code: string, message: string): void => {
    problems.push({ sagsnr: null, row: null, column: null, severity, code, message, sheet, cell: null });
  };
  const n = records.length;
  if (n !== settings.antalSager) {
    whole(
      'warning',
      'case-count',
      `Arket ${sheet} har ${n} sager, men Antal sager i Indstillinger er ${settings.antalSager}; tilføj eller fjern sager, eller ret Antal sager.`,
    );
  }
  const byMeasure = new Map<string, number>();
  for (const r of records) {
    const m = r.foranstaltning;
    if (typeof m === 'string') byMeasure.set(m, (byMeasure.get(m) ?? 0) + 1);
  }
  const count = (codes: readonly string[]): number =>
    codes.reduce((sum, c) => sum + (byMeasure.get(c) ?? 0), 0);
  const placements = count(['A7', 'T58']);
  const cap = settings.hoejstAnbringelser;
  if (placements > cap) {
    whole(
      'error',
      'too-many-placements',
      `Arket ${sheet} har ${placements} anbringelser (§ 52, stk. 3, nr. 7 og § 58, stk. 1), men indkaldelsen beder højst om ${cap}; fjern ${placements - cap} af dem.`,
    );
  }
  const others = count(['P2', 'L5', 'K6']);
  const mainCases = Math.min(placements, cap) + count(['F3']);
  if (others > 0 && mainCases >= settings.antalSager) {
    whole(
      'warning',
      'other-measures-not-needed',
      `Arket ${sheet} har ${others} sager om andre foranstaltninger (kontaktperson, praktisk pædagogisk støtte eller aflastning), men anbringelser og familiebehandling giver allerede ${mainCases} af de ${settings.antalSager} sager; de andre foranstaltninger skal kun fylde op til antallet.`,
    );
  }
  // Decision: a warning, not an error: numbering only matters for the call's "sag nr. X ud af Y" (seed 001).
  // 1…n without gaps or repeats: every case has a number in 1…n, and no number twice.
  const used = new Uint8Array(n + 1);
  let sequence = true;
  for (const r of records) {
    const nr = r.sagsnr;
    if (typeof nr !== 'number' || nr < 1 || nr > n || used[nr] === 1) {
      sequence = false;
      break;
    }
    used[nr] = 1;
  }
  if (n > 0 && !sequence) {
    whole(
      'warning',
      'sagsnr-sequence',
      `Sagsnumrene i arket ${sheet} er ikke 1 til ${n} uden huller eller gentagelser; nummerér sagerne fortløbende fra 1, som indkaldelsen beder om.`,
    );
  }

  return {
    cases: records.map((_, i) => {
      const t = texts[i];
      return { selectionOk: !(fails[i] as boolean), text: t === undefined ? SELECTION_OK : t.join('; ') };
    }),
    problems,
  };
}
