/**
 * A1 addresses. Rows and columns are 1-based, as Excel shows them.
 */

const letterCache: string[] = [];

/**
 * The column letters of a 1-based column number.
 * @example columnLetter(1) === "A"; columnLetter(27) === "AA"
 */
export function columnLetter(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Invalid column number: ${n}`);
  const cached = letterCache[n];
  if (cached !== undefined) return cached;
  let s = '';
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = (x - 1 - r) / 26;
  }
  if (n < 20000) letterCache[n] = s;
  return s;
}

/** The 1-based column number of column letters ("AA" → 27). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i += 1) {
    const c = letters.charCodeAt(i);
    const v = c >= 97 ? c - 96 : c - 64;
    if (v < 1 || v > 26) throw new RangeError(`Invalid column letters: ${letters}`);
    n = n * 26 + v;
  }
  return n;
}

/** @example a1(7, 4) === "D7" */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

const A1_RE = /^\$?([A-Za-z]{1,3})\$?([1-9]\d*)$/;

/** @example parseA1("D7") → { row: 7, col: 4 }; accepts "$D$7". Throws on anything else. */
export function parseA1(ref: string): { row: number; col: number } {
  const m = A1_RE.exec(ref.trim());
  if (!m) throw new RangeError(`Invalid A1 reference: ${ref}`);
  return { row: Number(m[2]), col: columnNumber(m[1] as string) };
}

export interface RangeRect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** @example parseRange("A1:C3") → { top: 1, left: 1, bottom: 3, right: 3 }; a single cell "B2" is a 1×1 range. */
export function parseRange(ref: string): RangeRect {
  const parts = ref.split(':');
  if (parts.length > 2) throw new RangeError(`Invalid range: ${ref}`);
  const a = parseA1(parts[0] as string);
  const b = parts.length === 2 ? parseA1(parts[1] as string) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
