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
