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
      /** --forrige: an earlier result (.xlsx or .json) to compare with (issue 12); read, never changed. */
      readonly forrige: string | null;
      /** --formaal, --periode-fra, --periode-til (issue 12 item 6); null = the sheet's value. */
      readonly formaal?: Formaal | null;
      readonly periodeFra?: Day | null;
      readonly periodeTil?: Day | null;
      /** Hidden, for tests: the run date instead of today's date in Europe/Copenhagen. */
      readonly today: Day | null;
    }
  | {
      /** barometer saml (issue 12): several municipalities' workbooks merged into one of counts. */
      readonly verb: 'saml';
      readonly inputs: readonly string[];
      readonly out: string;
      readonly json: boolean;
      readonly offentliggoerelse: boolean;
      readonly today: Day | null;
    }
  | { readonly verb: 'template'; readonly out: string; readonly force: boolean }
  | {
      readonly verb: 'forsider';
      readonly input: string;
      readonly out: string | null;
      readonly force: boolean;
      readonly today: Day | null;
    }
  | { readonly verb: 'demo'; readonly today: Day | null; readonly json: boolean };

export const USAGE = [
  'Brug:',
  '  barometer check <fil.xlsx> [--out <resultat.xlsx>] [--json] [--kommune NAVN]',
  '                  [--opgoerelsesdato dd-mm-åååå] [--offentliggoerelse] [--ruleset ID]',
  '                  [--forrige <tidligere-resultat.xlsx eller .json>]',
  '                  [--formaal egenkontrol --periode-fra dd-mm-åååå --periode-til dd-mm-åååå]',
  '  barometer saml <a.xlsx> <b.xlsx> … --out <samlet.xlsx> [--json] [--offentliggoerelse]',
  '  barometer template <ny-fil.xlsx> [--force]',
  '  barometer forsider <fil.xlsx> [--out <sagsforsider.xlsx>] [--force]',
  '  barometer demo',
  '  barometer --help',
  '',
  'check     Kontrollerer sagsoversigten og gemmer en kopi med vurderinger og resultattabeller',
  '          (standard: <fil>-resultat.xlsx ved siden af input, -resultat.xlsm for en fil med makroer;',
  '          input-filen ændres aldrig).',
  '  --json  Skriver resultatet som ét JSON-objekt på standard output.',
  '  --kommune, --opgoerelsesdato, --offentliggoerelse  Går forud for arket "Indstillinger".',
  '  --forrige  Sammenligner med et tidligere resultat (Overblik får "Sidst" og "Ændring"); filen ændres ikke.',
  `  --formaal  "indsendelse" (${FORMAAL_TEXT.indsendelse}, standard) eller "egenkontrol": hele sagsmængden`,
  '             i perioden --periode-fra til --periode-til (begge med), uden stikprøvens kontroller, og Overblik pr. kvartal.',
  `  --ruleset  Bruger regelsættet (${RULESET_IDS.join(' eller ')}) på alle sager i stedet for afgørelsesdatoen.`,
  'saml      Lægger flere kommuners sagsoversigter sammen (hver kontrolleres med sine egne indstillinger):',
  '          resultattabeller for alle, kommunerne side om side og en oversigt over filerne, kun antal –',
  '          ingen sagsoplysninger. Samme kommune to gange tælles kun én gang; input-filerne ændres aldrig.',
  '  --offentliggoerelse  Udelader tabeller og kommunefelter med færre end 6 sager.',
  'template  Opretter en tom, klar-til-udfyldning projektmappe; en fil, der findes, erstattes kun med --force.',
  'forsider  Opretter en sagsforside (Bilag 2) pr. sag i en ny fil (standard: <fil>-sagsforsider.xlsx);',
  '          filen indeholder børnenes navne og cpr-numre; en fil, der findes, erstattes kun med --force.',
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
    '--forrige',
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
        '--forrige',
        '--formaal',
        '--periode-fra',
        '--periode-til',
        '--today',
      ]);
      if (positional.length < 2) throw usage('Angiv den .xlsx-fil, der skal kontrolleres');
      if (positional.length > 2) throw usage(`For mange argumenter: "${positional.slice(2).join(' ')}"`);
      const kommune = str('--kommune');
      if (kommune !== null && kommune.trim() === '') throw usage('--kommune må ikke være tom');
      const forrige = str('--forrige');
      if (forrige !== null && forrige.trim() === '')
        throw usage('--forrige skal være stien til et tidligere resultat (.xlsx eller .json)');
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
        forrige,
        formaal,
        periodeFra,
        periodeTil,
        today,
      };
    }
    case 'saml': {
      only(['--out', '--json', '--offentliggoerelse', '--today']);
      const inputs = positional.slice(1);
      if (inputs.length < 2)
        throw usage(
          'Angiv mindst to .xlsx-filer, der skal lægges sammen, fx "barometer saml a.xlsx b.xlsx --out samlet.xlsx"',
        );
      const out = str('--out');
      if (out === null)
        throw usage('Angiv med --out, hvor sammenlægningen skal gemmes, fx --out samlet.xlsx');
      if (/\.xlsm$/i.test(out))
        throw usage(
          'Sammenlægningen har ingen makroer, så den skal hedde .xlsx (Excel åbner ikke en .xlsm uden makroer)',
        );
      return {
        verb: 'saml',
        inputs,
        out,
        json: flags.has('--json'),
        offentliggoerelse: flags.has('--offentliggoerelse'),
        today,
      };
    }
    case 'template':
      only(['--force']);
      if (positional.length !== 2)
        throw usage('Angiv navnet på den nye fil, fx "barometer template sager.xlsx"');
      return { verb: 'template', out: positional[1] as string, force: flags.has('--force') };
    case 'forsider':
      only(['--out', '--force', '--today']);
      if (positional.length < 2)
        throw usage('Angiv den .xlsx-fil med sagsoversigten, der skal have forsider');
      if (positional.length > 2) throw usage(`For mange argumenter: "${positional.slice(2).join(' ')}"`);
      return {
        verb: 'forsider',
        input: positional[1] as string,
        out: str('--out'),
        force: flags.has('--force'),
        today,
      };
    case 'demo':
      only(['--today', '--json']);
      if (positional.length !== 1) throw usage('"demo" tager ingen filnavne');
      return { verb: 'demo', today, json: flags.has('--json') };
    case undefined:
      throw usage('Angiv en kommando: check, saml, forsider, template eller demo');
    default:
      throw usage(`Ukendt kommando "${verb}"`);
  }
}
