import { formatDay } from './days';
import { sager } from './numbers';
import type { Settings } from './types';

/**
 * The words of an Egenkontrol (issue 12 item 6) where the barometer's words would name a sample:
 * the period in Danish, and the memo's title and intro.
 */

/** "fra 01-01-2024 til 31-12-2025", with an open end left out; "" when neither end is given. */
export function periodText(settings: Pick<Settings, 'periodeFra' | 'periodeTil'>): string {
  const fra = settings.periodeFra ?? null;
  const til = settings.periodeTil ?? null;
  return [fra === null ? '' : `fra ${formatDay(fra)}`, til === null ? '' : `til ${formatDay(til)}`]
    .filter((x) => x !== '')
    .join(' ');
}

/** The memo's title and first sentence under Egenkontrol: the period, never a barometer sample. */
export function egenkontrolMemoIntro(
  settings: Settings,
  k: string,
  cases: number,
  today: string,
): [string, string] {
  const span = periodText(settings);
  return [
    `Løbende egenkontrol – ${k}, egen gennemgang ${today}`,
    `${k} har gennemgået ${sager(cases)} med afgørelser truffet i perioden${span === '' ? ' (perioden er ikke angivet)' : ` ${span}`} – hele sagsmængden, ikke en stikprøve – efter de lovkrav, Ankestyrelsen gennemgår i Børnesagsbarometret.`,
  ];
}

/**
 * The memo's closing caveat under Egenkontrol: the whole caseload is no sample, so the barometer's
 * "do not generalise from the sample" would be wrong; what stays true is that few cases per quarter
 * make a share swing by chance, which is what the 95 % interval shows.
 */
export const EGENKONTROL_CAVEAT =
  'Resultaterne omfatter hele sagsmængden i perioden og ikke en stikprøve, men de bygger på få sager pr. spørgsmål og kvartal. ' +
  'Usikkerheden ved hvert resultat viser, hvor meget andelen kan svinge tilfældigt med så få sager – jo færre sager, jo bredere spænd; en ændring fra et kvartal til det næste, der ligger inden for spændet, er ikke nødvendigvis en reel ændring.';
