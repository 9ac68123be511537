import { UserError } from './port';

/**
 * The one place where Office.js errors become Danish sentences for the task pane's MessageBar.
 * Office rejects a `context.sync()` with an OfficeExtension.Error whose `code` names the cause;
 * we match on that code (not on `instanceof`, so the same mapping works on the simulated Excel).
 */

const MESSAGES: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode:
    'Excel er i redigeringstilstand. Tryk Enter eller Esc i cellen, og prøv igen.',
  RequestPayloadSizeLimitExceeded:
    'Der er for mange data til at sende til Excel på én gang. Prøv igen i Excel til skrivebordet, eller del sagsoversigten op i flere projektmapper.',
  ResponsePayloadSizeLimitExceeded:
    'Arkene er for store til at læse på én gang i Excel på nettet. Fjern tomme rækker og kolonner under og til højre for dataene, eller brug Excel til skrivebordet.',
  PayloadTooLarge:
    'Der er for mange data til at sende til Excel på én gang. Prøv igen i Excel til skrivebordet, eller del sagsoversigten op i flere projektmapper.',
  AccessDenied:
    'Arket eller projektmappen er beskyttet, så resultatet kan ikke skrives. Fjern beskyttelsen (Gennemse > Fjern arkbeskyttelse), og prøv igen.',
  ItemNotFound:
    'Et ark, som kontrollen skulle bruge, findes ikke længere (måske er det omdøbt eller slettet imens). Kør kontrollen igen.',
  ItemAlreadyExists:
    'Der findes allerede et ark med et navn, som kontrollen skal bruge. Omdøb dit ark, og kør kontrollen igen.',
  InvalidArgument:
    'Excel afviste de data, der skulle skrives. Kør kontrollen igen, og kontakt support, hvis fejlen gentager sig.',
  InvalidOperation:
    'Excel kunne ikke udføre handlingen i projektmappen, som den ser ud nu. Kontrollér, at projektmappen ikke er delt med skrivebeskyttelse, og prøv igen.',
  ActivityLimitReached:
    'Excel har nået en grænse for, hvor meget der kan ske på én gang. Vent et øjeblik, og prøv igen.',
  Conflict: 'En anden har ændret projektmappen samtidig. Vent et øjeblik, og kør kontrollen igen.',
  Unauthorized:
    'Du har ikke adgang til at ændre projektmappen. Åbn den med redigeringsrettigheder, og prøv igen.',
  ApiNotAvailable:
    'Din version af Excel understøtter ikke alt, hvad tilføjelsesprogrammet skal bruge. Opdater Excel, eller brug Excel på nettet.',
};

/** The `code` of an Office error (OfficeExtension.Error), or null. */
export function officeErrorCode(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : null;
}

/** The Danish UserError for an error thrown inside Excel.run; UserErrors pass through unchanged. */
export function toUserError(e: unknown): UserError {
  if (e instanceof UserError) return e;
  const code = officeErrorCode(e);
  const message =
    (code !== null ? MESSAGES[code] : undefined) ??
    `Excel kunne ikke gennemføre handlingen${code !== null ? ` (fejlkode ${code})` : ''}. Prøv igen; fortsætter fejlen, så genstart Excel.`;
  return new UserError(message, 1, { cause: e });
}

/**
 * Runs an Office.js action and turns any failure into a UserError with a Danish message (the
 * original error stays in `cause`). Use it once around each user action; never catch and log only.
 * @example await withOfficeErrors(() => Excel.run(async (ctx) => { … }))
 */
export async function withOfficeErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toUserError(e);
  }
}
