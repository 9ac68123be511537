import { formatDay } from './days';
import { EGENKONTROL_CAVEAT, egenkontrolMemoIntro } from './egenkontrol';
import { formatCount, formatPercent, sager } from './numbers';
import { percentOf } from './tables';
import { wilson } from './interval';
import { trendLines } from './memoTrend';
import type { PreviousResult } from './previous';
import type { Day, OverviewRow, RuleSet, Settings, TableResult } from './types';

/**
 * The memo text (spec §6), in the style of the board memo in seed 003: a heading, the case
 * count, per chapter a heading and one bullet per question with its "Overholdt" share, the
 * national figure where the rule set has one (spec §7), and the caveat of seed 000 at the end.
 * A list under two rule sets gets one part per rule set, each under its heading with its own case
 * count (barnets-lov.md §1). Deterministic; never a CPR number or a name.
 */

/**
 * The caveat of seed 000 ("Afgrænsning"), said for the municipality's own review, and what the
 * "usikkerhed" of each bullet means (issue 12: the 95 % Wilson interval, interval.ts).
 */
export const MEMO_CAVEAT =
  'Antallet af sager er for lille til, at resultaterne er generaliserbare på tværs af sagsbehandlingen i kommunen; der bør derfor ikke generaliseres fra stikprøven til hele kommunens sagsbehandling på området. ' +
  'Usikkerheden ved hvert resultat betyder, at kommunens sande andel med 95 % sikkerhed ligger et sted i det angivne spænd – jo færre sager, jo bredere spænd.';

/** One rule set's results. */
export interface MemoPart {
  readonly ruleSet: RuleSet;
  /** Cases judged by this rule set. */
  readonly cases: number;
  readonly tables: readonly TableResult[];
  /** Overblik rows of this part: their 95 % interval (and, with --forrige, earlier figure). */
  readonly overview?: readonly OverviewRow[];
}

export interface MemoInput {
  /** One part per rule set present, oldest law first. */
  readonly parts: readonly MemoPart[];
  readonly settings: Settings;
  readonly today: Day;
  readonly cases: number;
  /** Number of verdicts replaced by a reviewer's correction. */
  readonly corrected: number;
  /** The earlier result compared with (issue 12, --forrige); the overview rows carry its figures. */
  readonly previous?: PreviousResult | null;
}

/**
 * The one way a share is said (seed 003: "i 100% af sagerne", "3 ud af 14 sager"), both parts in
 * every bullet so no bullet reads differently from the next; the national figure (spec §6–§7)
 * right after, so it stands on its own question.
 * @example andel(16, 17, 94, 'landsresultat 2023: 34%') → "i 94% af sagerne (16 ud af 17 sager) (landsresultat 2023: 34%)"
 */
export function andel(
  x: number,
  n: number,
  p: number,
  national: string | null,
  interval: readonly [number, number] | null = null,
): string {
  const share = `i ${formatPercent(p)} af sagerne (${formatCount(x)} ud af ${sager(n)})`;
  const sure = interval === null ? share : `${share}, ${usikkerhed(interval)}`;
  return national === null ? sure : `${sure} (${national})`;
}

/**
 * The interval clause of a bullet (issue 12), whole percents as the share: [0.2307, 0.8824] →
 * "usikkerhed 23–88%".
 */
export function usikkerhed([lo, hi]: readonly [number, number]): string {
  return `usikkerhed ${formatCount(Math.round(lo * 100))}–${formatPercent(Math.round(hi * 100))}`;
}

/**
 * Whether a memo line is a heading (the title, a part heading, a chapter heading). Every other
 * line is a full sentence or a bullet, and ends with "." (memo.test.ts checks this of each line).
 */
export function isMemoHeading(line: string): boolean {
  return !line.startsWith('• ') && !line.endsWith('.');
}

/** A measure's label starts lower case inside a sentence ("6 sager om anbringelse …"). */
const inSentence = (label: string): string => label.charAt(0).toLowerCase() + label.slice(1);

/** The chapter headings and bullets of one rule set's tables. */
function chapterLines(part: MemoPart, k: string, edition: number): string[] {
  const { ruleSet, tables } = part;
  const out: string[] = [];
  const byId = new Map(tables.map((t) => [t.id, t]));
  for (const ch of ruleSet.chapters) {
    const bullets: string[] = [];
    for (const q of ruleSet.questions) {
      if (q.chapter !== ch.no) continue;
      const t = byId.get(q.id);
      if (t === undefined) continue;
      if (q.compliantRows.length === 0) {
        // Table 1.1 describes the sample. Count first, then the measure, so a count never follows
        // a section reference ("§ 52, stk. 3, nr. 7 6" misreads as a paragraph number).
        const rows = t.rows
          .filter((r) => r.count > 0)
          .map((r) => `${sager(r.count)} om ${inSentence(r.label).replace(/\.$/, '')}`);
        bullets.push(`• Afgørelserne i de ${sager(t.total)} gælder: ${rows.join('; ')}.`);
        continue;
      }
      if (t.suppressed) {
        bullets.push(`• Resultatet for spørgsmål ${q.id} er udeladt, fordi det bygger på færre end 6 sager.`);
        continue;
      }
      const x = t.rows.filter((r) => q.compliantRows.includes(r.label)).reduce((s, r) => s + r.count, 0);
      const p = percentOf(x, t.total);
      const nat = ruleSet.nationalFigure(edition, q.id);
      // The overview's interval; a caller without overview rows gets the same formula on the same counts.
      const row = part.overview?.find((o) => o.id === q.id);
      const interval = row === undefined ? wilson(x, t.total) : row.interval;
      const phrase = ruleSet.memoPhrases[q.id] ?? `{K} har overholdt kravet i spørgsmål ${q.id} {andel}.`;
      const text = phrase
        .replace('{K}', k)
        .replace('{andel}', andel(x, t.total, p, nat === null ? null : nat.label, interval));
      bullets.push(`• ${text}`);
    }
    if (bullets.length === 0) continue;
    out.push(`${ch.no}. ${ch.title}`);
    out.push(...bullets);
  }
  return out;
}

export function buildMemo(input: MemoInput): string[] {
  const { settings, today, parts } = input;
  const k = settings.kommune === null ? 'Kommunen' : `${settings.kommune} Kommune`;
  const edition = settings.undersoegelsesaar;
  const out: string[] = [];
  if (settings.formaal === 'egenkontrol') {
    out.push(...egenkontrolMemoIntro(settings, k, input.cases, formatDay(today)));
  } else {
    out.push(`Børnesagsbarometer ${edition} – ${k}, egen gennemgang ${formatDay(today)}`);
    out.push(
      `${k} har gennemgået ${sager(input.cases)} med afgørelser truffet i ${settings.afgoerelsesaar} efter Ankestyrelsens kriterier for Børnesagsbarometret.`,
    );
  }
  if (input.corrected > 0) {
    out.push(
      `Resultaterne omfatter ${formatCount(input.corrected)} ${input.corrected === 1 ? 'vurdering' : 'vurderinger'}, som er rettet ved den manuelle gennemgang.`,
    );
  }
  if (parts.length === 1) {
    out.push(...chapterLines(parts[0] as MemoPart, k, edition));
  } else {
    for (const part of parts) {
      out.push(part.ruleSet.partHeading);
      out.push(`Denne del omfatter ${sager(part.cases)}.`);
      out.push(...chapterLines(part, k, edition));
    }
  }
  if (input.previous)
    out.push(
      ...trendLines(
        parts.flatMap((p) => p.overview ?? []),
        input.previous,
      ),
    );
  out.push(settings.formaal === 'egenkontrol' ? EGENKONTROL_CAVEAT : MEMO_CAVEAT);
  return out;
}
