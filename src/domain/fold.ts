/**
 * Folds text to a comparison key: lower case, æ→ae, ø→oe, å→aa, and only letters a–z and
 * digits kept (spaces, punctuation, § and other characters removed).
 * @example foldKey("Ny  undersøgelse") === "nyundersoegelse"
 */
export function foldKey(text: string): string {
  return text.toLowerCase().replace(FOLD_RE, foldChar);
}

const FOLD_RE = /[^a-z0-9]/g;

function foldChar(ch: string): string {
  switch (ch) {
    case 'æ':
      return 'ae';
    case 'ø':
      return 'oe';
    case 'å':
      return 'aa';
    default:
      return '';
  }
}

/**
 * Characters Excel shows as nothing: soft hyphen, Mongolian vowel separator, zero-width space,
 * (non-)joiner, direction marks, embeddings, overrides and isolates, word joiner and invisible
 * operators, and the byte-order mark. Text pasted from Word, web pages and case systems carries them.
 * Decision: a cell holding only these is blank, and they are ignored when reading a date, a number,
 * a CPR number or a Ja/Nej (a reviewer sees "01-03-2021", so it is read as that date).
 */
const INVISIBLE = '\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF';
const HAS_INVISIBLE_RE = new RegExp(`[${INVISIBLE}]`);
const INVISIBLE_RE = new RegExp(`[${INVISIBLE}]`, 'g');
const EDGES_RE = new RegExp(`^[\\s${INVISIBLE}]+|[\\s${INVISIBLE}]+$`, 'g');

/** The text without invisible characters (the same string when it has none). */
export function stripInvisible(s: string): string {
  return HAS_INVISIBLE_RE.test(s) ? s.replace(INVISIBLE_RE, '') : s;
}

const plainAscii = (c: number): boolean => c > 32 && c < 127;

/** The text without whitespace or invisible characters at either end (inner ones are kept). */
export function trimText(s: string): string {
  if (s.length > 0 && plainAscii(s.charCodeAt(0)) && plainAscii(s.charCodeAt(s.length - 1))) return s;
  return s.replace(EDGES_RE, '');
}

/** True when a string is empty, or only whitespace and invisible characters; no allocation for the common case. */
export function isBlankText(s: string): boolean {
  if (s.length === 0) return true;
  if (plainAscii(s.charCodeAt(0))) return false;
  return stripInvisible(s).trim().length === 0;
}
