import { UserError } from '../../workbook/port';

/** The Danish sentence to show for an error caught at the pane's boundary. */
export function errorMessage(e: unknown): string {
  if (e instanceof UserError) return e.message;
  const detail = e instanceof Error && e.message ? ` (${e.message})` : '';
  return `Der opstod en uventet fejl${detail}. Prøv igen; sker det igen, så gem projektmappen og genstart tilføjelsesprogrammet.`;
}
