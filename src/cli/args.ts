import { dayFromYmd, isValidYmd } from '../domain/days';
import { findRuleSet, RULESET_IDS } from '../domain/rules';
import { FORMAAL_TEXT, parseFormaal } from '../domain/settings';
import type { Day, Formaal } from '../domain/types';
import { UserError } from '../workbook/port';

/** Parsed command line (spec §9). */
export type Command =
  | { readonly verb: 'help' }
  | {
      readonly verb: 'check';
      readonly input: string;
      readonly out: string | null;
      readonly json: boolean;
      readonly kommune: string | null;
      readonly opgoerelsesdato: Day | null;
      readonly offentliggoerelse: boolean;
      /** --ruleset: a rule set for every case (barnets-lov.md §1); null = by each decision date. */
      readonly ruleset: string | null;
      /** --formaal, --periode-fra, --periode-til (issue 12 item 6); null = the sheet's value. */
      readonly formaal?: Formaal | null;
      readonly periodeFra?: Day | null;
      readonly periodeTil?: Day | null;
      /** Hidden, for tests: the run date instead of today's date in Europe/Copenhagen. */
      readonly today: Day | null;
    }
  | { readonly verb: 'template'; readonly out: string; readonly force: boolean }
  | { readonly verb: 'demo'; readonly today: Day | null; readonly json: boolean };

export const USAGE = [
  'Brug:',
  '  barometer check <fil.xlsx> [--out <resultat.xlsx>] [--json] [--kommune NAVN]',
  '                  [--opgoerelsesdato dd-mm-åååå] [--offentliggoerelse] [--ruleset ID]',
  '                  [--formaal egenkontrol --periode-fra dd-mm-åååå --periode-til dd-mm-åååå]',
  '  barometer template <ny-fil.xlsx> [--force]',
  '  barometer demo',
  '  barometer --help',
  '',
  'check     Kontrollerer sagsoversigten og gemmer en kopi med vurderinger og resultattabeller',
  '          (standard: <fil>-resultat.xlsx ved siden af input, -resultat.xlsm for en fil med makroer;',
  '          input-filen ændres aldrig).',
  '  --json  Skriver resultatet som ét JSON-objekt på standard output.',
  '  --kommune, --opgoerelsesdato, --offentliggoerelse  Går forud for arket "Indstillinger".',
  `  --formaal  "indsendelse" (${FORMAAL_TEXT.indsendelse}, standard) eller "egenkontrol": hele sagsmængden`,
  '             i perioden --periode-fra til --periode-til (begge med), uden stikprøvens kontroller, og Overblik pr. kvartal.',
  `  --ruleset  Bruger regelsættet (${RULESET_IDS.join(' eller ')}) på alle sager i stedet for afgørelsesdatoen.`,
  'template  Opretter en tom, klar-til-udfyldning projektmappe; en fil, der findes, erstattes kun med --force.',
  'demo      Kører check på det medfølgende fiktive eksempel og viser, hvor resultatet er gemt.',
  '',
  'Afslutningskoder: 0 = kørt (der kan være problemer), 1 = forkert brug eller fil kan ikke læses,',
  '2 = arket med sager eller en påkrævet kolonne mangler.',
  'Filer, der ikke er almindelige filer (mapper, enheder som /dev/null, FIFO), afvises som input og --out.',
].join('\n');

const usage = (msg: string): UserError => new UserError(`${msg} – se "barometer --help".`, 1);

/** Reads dd-mm-yyyy (also d-m-yyyy, with . or / as separator) as a Day. */
export function parseDayArg(flag: string, text: string): Day {
  const m = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/.exec(text.trim());
  if (m) {
    const d = Number(m[1]);
    const mo = Number(m[3]);
    const y = Number(m[4]);
    if (isValidYmd(y, mo, d)) return dayFromYmd(y, mo, d);
  }
  throw usage(`${flag} skal være en gyldig dato som dd-mm-åååå, fx 23-03-2022 (fik "${text}")`);
}

export function parseArgs(argv: readonly string[]): Command {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const takesValue = new Set([
    '--out',
    '--kommune',
    '--opgoerelsesdato',
    '--today',
    '--ruleset',
    '--formaal',
    '--periode-fra',
    '--periode-til',
  ]);
  const known = new Set([...takesValue, '--json', '--offentliggoerelse', '--force', '--help', '-h']);
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (!known.has(name)) throw usage(`Ukendt tilvalg "${name}"`);
      if (takesValue.has(name)) {
        const value = eq > 0 ? arg.slice(eq + 1) : argv[i + 1];
        if (value === undefined || (eq < 0 && value.startsWith('--')))
          throw usage(`${name} mangler en værdi`);
        if (eq < 0) i += 1;
        flags.set(name, value);
      } else {
        if (eq > 0) throw usage(`${name} tager ingen værdi`);
        flags.set(name, true);
      }
    } else {
      positional.push(arg);
    }
  }
  if (flags.has('--help') || flags.has('-h') || positional[0] === 'help') return { verb: 'help' };
  const verb = positional[0];
  const str = (name: string): string | null => {
    const v = flags.get(name);
    return typeof v === 'string' ? v : null;
  };
  const today = str('--today') !== null ? parseDayArg('--today', str('--today') as string) : null;
  const only = (allowed: readonly string[]): void => {
    for (const f of flags.keys()) {
      if (!allowed.includes(f)) throw usage(`Tilvalget "${f}" kan ikke bruges med "${verb}"`);
    }
  };
  switch (verb) {
    case 'check': {
      only([
        '--out',
        '--json',
        '--kommune',
        '--opgoerelsesdato',
        '--offentliggoerelse',
        '--ruleset',
        '--formaal',
        '--periode-fra',
        '--periode-til',
        '--today',
      ]);
      if (positional.length < 2) throw usage('Angiv den .xlsx-fil, der skal kontrolleres');
      if (positional.length > 2) throw usage(`For mange argumenter: "${positional.slice(2).join(' ')}"`);
      const kommune = str('--kommune');
      if (kommune !== null && kommune.trim() === '') throw usage('--kommune må ikke være tom');
      const opg = str('--opgoerelsesdato');
      const rs = str('--ruleset');
      const ruleset = rs === null ? null : findRuleSet(rs)?.id;
      if (ruleset === undefined)
        throw usage(`--ruleset skal være ${RULESET_IDS.join(' eller ')} (fik "${rs}")`);
      const fm = str('--formaal');
      const formaal = fm === null ? null : parseFormaal(fm);
      if (formaal === null && fm !== null)
        throw usage(`--formaal skal være "egenkontrol" eller "indsendelse" (fik "${fm}")`);
      const pf = str('--periode-fra');
      const pt = str('--periode-til');
      const periodeFra = pf === null ? null : parseDayArg('--periode-fra', pf);
      const periodeTil = pt === null ? null : parseDayArg('--periode-til', pt);
      if (periodeFra !== null && periodeTil !== null && periodeFra > periodeTil)
        throw usage(`--periode-fra (${pf}) ligger efter --periode-til (${pt}); byt om på datoerne`);
      return {
        verb: 'check',
        input: positional[1] as string,
        out: str('--out'),
        json: flags.has('--json'),
        kommune: kommune?.trim() ?? null,
        opgoerelsesdato: opg === null ? null : parseDayArg('--opgoerelsesdato', opg),
        offentliggoerelse: flags.has('--offentliggoerelse'),
        ruleset,
        formaal,
        periodeFra,
        periodeTil,
        today,
      };
    }
    case 'template':
      only(['--force']);
      if (positional.length !== 2)
        throw usage('Angiv navnet på den nye fil, fx "barometer template sager.xlsx"');
      return { verb: 'template', out: positional[1] as string, force: flags.has('--force') };
    case 'demo':
      only(['--today', '--json']);
      if (positional.length !== 1) throw usage('"demo" tager ingen filnavne');
      return { verb: 'demo', today, json: flags.has('--json') };
    case undefined:
      throw usage('Angiv en kommando: check, template eller demo');
    default:
      throw usage(`Ukendt kommando "${verb}"`);
  }
}
