import { DAMAGED_XLSX } from '../fileErrors';
import { UserError } from '../port';
import { MAX_TOTAL_BYTES } from './zip';

/**
 * The package adapter's own Danish messages (UserError, exit 1): limits, damaged sheets, formulas
 * the verdict block would cut. Cell addresses only, never a cell's content (privacy).
 */

const MIB = Math.round(MAX_TOTAL_BYTES / (1 << 20));

/** The whole package inflates to more than the cap (the CLI puts the file name in front). */
export const TOO_LARGE = `Filen er for stor: dens dele fylder udpakket over ${MIB.toLocaleString('da-DK')} MiB, mere end en sagsoversigt kan fylde – gem en projektmappe med kun sagsoversigten og prøv igen.`;

/** An address fit to show: A1-shaped and short, else a neutral word (a hostile r= could hold anything). */
export function shownRef(ref: string): string {
  return /^[A-Za-z]{1,8}[0-9]{1,12}$/.test(ref) ? ref.toUpperCase() : 'med en ugyldig adresse';
}

export function damagedSheet(sheet: string, where: string | null, cause?: unknown): UserError {
  const at = where === null ? '' : ` ved ${where}`;
  return new UserError(`${DAMAGED_XLSX} (Arket "${sheet}" kan ikke læses${at}.)`, 1, { cause });
}

export function outsideLimits(sheet: string, ref: string): UserError {
  return new UserError(
    `Arket "${sheet}" har en celle ${shownRef(ref)} uden for Excels grænser (højst 16.384 kolonner, til XFD, og 1.048.576 rækker) – filen er beskadiget; åbn den i Excel, gem den som .xlsx og prøv igen.`,
  );
}

export function textTooLong(sheet: string, ref: string): UserError {
  return new UserError(
    `Cellen ${shownRef(ref)} i arket "${sheet}" indeholder mere end 32.767 tegn, som er det højeste Excel tillader – forkort teksten og gem igen.`,
  );
}

export function formulaCut(sheet: string, ref: string, range: string, kind: 'shared' | 'array'): UserError {
  const what = kind === 'array' ? 'matrixformlen' : 'den delte formel';
  return new UserError(
    `Resultatkolonnerne i arket "${sheet}" ville skære ${what} i celle ${shownRef(ref)} (område ${range}) over – flyt formlen, så den ikke rækker ind i resultatkolonnerne, og kør igen. Intet er skrevet.`,
  );
}

export function tableOverlap(sheet: string, range: string): UserError {
  return new UserError(
    `Resultatkolonnerne i arket "${sheet}" ville skrive ind i en Excel-tabel (område ${range}) – gør tabellen smallere, så den slutter før resultatkolonnerne, eller konvertér den til et almindeligt område, og kør igen. Intet er skrevet.`,
  );
}
