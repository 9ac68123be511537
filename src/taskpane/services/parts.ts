import { partHeading } from '../../domain/rules';

/** A run of items (tables, overview rows) under one part heading; null: no heading. */
export interface Part<T> {
  readonly heading: string | null;
  readonly items: T[];
}

/**
 * Items in parts by the law they were checked under: a mixed list gets one part per rule set,
 * each under its heading (barnets-lov.md §1); a list under one law is one part without a heading,
 * so it looks exactly as before.
 * @example groupByLaw(report.tables).map((p) => p.heading) // ['Afgørelser efter serviceloven …', …]
 */
export function groupByLaw<T extends { readonly ruleset: string }>(items: readonly T[]): Part<T>[] {
  const mixed = new Set(items.map((t) => t.ruleset)).size > 1;
  const parts: { heading: string | null; items: T[] }[] = [];
  for (const item of items) {
    const heading = mixed ? partHeading(item.ruleset) : null;
    const last = parts[parts.length - 1];
    if (last && last.heading === heading) last.items.push(item);
    else parts.push({ heading, items: [item] });
  }
  return parts;
}
