import { UserError } from './port';

/**
 * What a file that is not a readable .xlsx is, told the same way by every adapter that reads
 * bytes (ExcelJS and the package adapter).
 */

/** The first bytes of an OLE compound file: what Excel writes for a password-protected .xlsx. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A zip archive's local file header ("PK\x03\x04"); every .xlsx starts with it. */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean =>
  bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

export const PASSWORD_PROTECTED =
  'Filen er beskyttet med adgangskode – fjern adgangskoden i Excel (Filer > Oplysninger > Beskyt projektmappe) og gem igen.';
export const NOT_XLSX = 'Filen er ikke en gyldig Excel-fil (.xlsx) – åbn den i Excel og gem den som .xlsx.';
export const DAMAGED_XLSX =
  'Filen er ikke en gyldig Excel-fil (.xlsx), eller den er beskadiget – åbn den i Excel og gem den som .xlsx.';

/** Throws the UserError (exit 1) for bytes that cannot be an .xlsx at all. */
export function assertXlsxSignature(bytes: Uint8Array): void {
  if (startsWith(bytes, OLE_SIGNATURE)) throw new UserError(PASSWORD_PROTECTED);
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw new UserError(NOT_XLSX);
}
