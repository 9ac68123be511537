import { countOf } from '../../domain/numbers';
import type { Problem, Severity } from '../../domain/types';

export type Notice = { intent: 'error' | 'success' | 'info' | 'warning'; title: string; text: string };

export function countBySeverity(problems: readonly Problem[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, missing: 0 };
  for (const p of problems) c[p.severity] += 1;
  return c;
}

/** "1 sag", "2 sager", "20.000 sager" (Danish thousands separator, domain/numbers.ts). */
export const plural = countOf;

/** The check's result in words, coloured by what it found (errors → error, else warnings → warning). */
export function checkNotice(caseCount: number, problems: readonly Problem[]): Notice {
  const c = countBySeverity(problems);
  const intent = c.error > 0 ? 'error' : c.warning + c.missing > 0 ? 'warning' : 'success';
  return {
    intent,
    title: c.error > 0 ? 'Kontrollen fandt fejl' : 'Kontrollen er færdig',
    text: `${plural(caseCount, 'sag', 'sager')} er kontrolleret: ${plural(c.error, 'fejl', 'fejl')}, ${plural(c.warning, 'advarsel', 'advarsler')} og ${plural(c.missing, 'sag', 'sager')} med manglende oplysninger.`,
  };
}

/**
 * "Byg tabeller"'s result: green only when the check behind the tables found nothing; with errors
 * or warnings the tables are built but rest on cases that need a look, so the notice says so.
 */
export function buildNotice(tableCount: number, problems: readonly Problem[]): Notice {
  const c = countBySeverity(problems);
  const written = `${plural(tableCount, 'tabel', 'tabeller')} er skrevet i arkene Resultattabeller, Overblik og Notat.`;
  if (c.error > 0) {
    return {
      intent: 'error',
      title: 'Tabellerne er bygget, men kontrollen fandt fejl',
      text: `${written} De bygger på sager med ${plural(c.error, 'fejl', 'fejl')}; ret dem under Kontrol, før tabellerne bruges.`,
    };
  }
  if (c.warning + c.missing > 0) {
    return {
      intent: 'warning',
      title: 'Tabellerne er bygget med advarsler',
      text: `${written} Se ${plural(c.warning, 'advarsel', 'advarsler')} og ${plural(c.missing, 'sag', 'sager')} med manglende oplysninger under Kontrol.`,
    };
  }
  return { intent: 'success', title: 'Tabellerne er bygget', text: written };
}
