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

/** True when a string is empty or only whitespace, without allocating for the common case. */
export function isBlankText(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  if (c > 32 && c !== 160) return false;
  return s.trim().length === 0;
}
