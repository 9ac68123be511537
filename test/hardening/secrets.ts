/**
 * Scanning text for children's names and CPR numbers (spec §2.5: they never appear in generated
 * tables, memo text, logs or messages shown outside the row itself).
 */

/** Every form a CPR number (DDMMYY-SSSS) can take in text: with or without dash or space, or as a number. */
export function cprForms(cpr: string): string[] {
  const digits = cpr.replace(/\D/g, '');
  const forms = [cpr, digits, `${digits.slice(0, 6)} ${digits.slice(6)}`];
  // As a number cell the leading zero is gone (0102034118 → 102034118).
  if (digits.startsWith('0')) forms.push(digits.replace(/^0+/, ''));
  return forms;
}

/** The secrets found in `text` (names case-insensitively, CPR numbers in any form). */
export function findSecrets(text: string, names: readonly string[], cprs: readonly string[]): string[] {
  const found: string[] = [];
  const lower = text.toLowerCase();
  for (const n of names) if (lower.includes(n.toLowerCase())) found.push(n);
  for (const c of cprs) for (const f of cprForms(c)) if (text.includes(f)) found.push(f);
  return found;
}

/**
 * The one output exempt from the privacy scan, by an explicit rule (issue 12 item 4): the front
 * sheets (Bilag 2) that `barometer forsider` and the pane's "Opret sagsforsider (Bilag 2)" write,
 * which carry the children's names and CPR numbers on purpose because they are sent to
 * Ankestyrelsen with each case. Only that verb's own file is exempt; its messages are not.
 */
export const PRIVACY_EXEMPTION = { verb: 'forsider', file: /-sagsforsider\.xlsx$/i } as const;

/** True only for the front sheets file written by the forsider verb (or the pane's action). */
export function exemptFromPrivacyScan(verb: string, fileName: string): boolean {
  const base = fileName.split(/[\\/]/).at(-1) ?? fileName;
  return verb === PRIVACY_EXEMPTION.verb && PRIVACY_EXEMPTION.file.test(base);
}
