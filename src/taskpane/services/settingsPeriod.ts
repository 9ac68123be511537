import type { Day, Formaal, Settings } from '../../domain/types';

/**
 * The form's Formål, Periode fra/til and Regelsæt (issue 12 item 6): their field errors and their
 * values in the settings. A form without these fields keeps the sheet's values.
 */

interface PeriodForm {
  readonly formaal?: Formaal;
  readonly periodeFra?: string;
  readonly periodeTil?: string;
  readonly regelsaet?: string;
}

/** The Danish message per invalid period field; only under Egenkontrol. */
export function periodFieldErrors(
  form: PeriodForm,
  parseDay: (text: string) => Day | null,
): { periodeFra?: string; periodeTil?: string } {
  if (form.formaal !== 'egenkontrol') return {};
  const out: { periodeFra?: string; periodeTil?: string } = {};
  const fra = parseDay((form.periodeFra ?? '').trim());
  const til = parseDay((form.periodeTil ?? '').trim());
  if (fra === null)
    out.periodeFra =
      'Periode fra skal være en dato som dd-mm-åååå (fx 01-01-2024), når formålet er Egenkontrol; ret feltet, og gem igen.';
  if (til === null)
    out.periodeTil =
      'Periode til skal være en dato som dd-mm-åååå (fx 31-12-2024), når formålet er Egenkontrol; ret feltet, og gem igen.';
  if (fra !== null && til !== null && fra > til)
    out.periodeTil = 'Periode til ligger før Periode fra; ret en af datoerne, og gem igen.';
  return out;
}

/** The settings' Formål, period and Regelsæt from a valid form (fields absent = the current values). */
export function formaalFromForm(
  current: Settings,
  form: PeriodForm,
  parseDay: (text: string) => Day | null,
): Pick<Settings, 'formaal' | 'periodeFra' | 'periodeTil' | 'regelsaet'> {
  const given = [form.formaal, form.periodeFra, form.periodeTil, form.regelsaet].some((v) => v !== undefined);
  if (!given) return {};
  const formaal = form.formaal ?? current.formaal ?? 'indsendelse';
  const egen = formaal === 'egenkontrol';
  const day = (text: string | undefined, kept: Day | null | undefined): Day | null =>
    text === undefined ? (kept ?? null) : parseDay(text.trim());
  const regelsaet =
    form.regelsaet === undefined ? (current.regelsaet ?? null) : form.regelsaet.trim() || null;
  return {
    formaal,
    // Under Indsendelse the period is cleared: the sheet would otherwise warn that it is not used.
    periodeFra: egen ? day(form.periodeFra, current.periodeFra) : null,
    periodeTil: egen ? day(form.periodeTil, current.periodeTil) : null,
    regelsaet,
  };
}
