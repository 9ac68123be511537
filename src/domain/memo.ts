import { formatDay } from './days';
import { nationalFigure } from './national';
import { percentOf } from './tables';
import type { Day, RuleSet, Settings, TableResult } from './types';

/**
 * The memo text (spec §6), in the style of the board memo in seed 003: a heading, the case
 * count, per chapter a heading and one bullet per question with its "Overholdt" share, the
 * national figure where spec §7 has one, and the caveat of seed 000 at the end. Deterministic;
 * never a CPR number or a name.
 */

/** How each question's result is said; {K} = "Ishøj Kommune", {p} = percent, {x} = compliant, {n} = total. */
const PHRASES: Readonly<Record<string, string>> = {
  '2.2':
    '{K} har overholdt kravet om udarbejdelse af en børnefaglig undersøgelse i {p}% af sagerne ({n} sager).',
  '2.3':
    '{K} har afsluttet den børnefaglige undersøgelse inden for 4 måneders fristen i {x} ud af {n} sager ({p}%).',
  '2.4':
    '{K} har udarbejdet en begrundet stillingtagen på baggrund af den børnefaglige undersøgelse i {p}% af sagerne ({n} sager).',
  '2.5':
    '{K} har afsluttet den børnefaglige undersøgelse, inden der blev truffet afgørelse, i {p}% af sagerne ({n} sager).',
  '3.6':
    '{K} har overholdt kravet om samtale med barnet i forbindelse med den børnefaglige undersøgelse i {p}% af sagerne ({n} sager).',
  '3.7':
    '{K} har oplysninger fra forældremyndighedsindehaver(e) i den børnefaglige undersøgelse i {p}% af sagerne ({n} sager).',
  '3.8': '{K} har talt med barnet, forud for at der er truffet afgørelse, i {x} ud af {n} sager ({p}%).',
  '3.9':
    '{K} har været i kontakt med barnet inden for de første tre måneder efter foranstaltningen blev effektueret i {x} ud af {n} sager ({p}%).',
  '4.10': '{K} har i {p}% af sagerne udarbejdet en handleplan for indsatsen ({n} sager).',
  '4.11':
    'Handleplanen angiver, hvilken indsats der er nødvendig for at opnå formålet, i {p}% af sagerne med en handleplan ({n} sager).',
  '5.12':
    '{K} har i {x} ud af {n} sager ({p}%) overholdt kravet om opfølgning inden for de første 3 måneder.',
  '6.13':
    '{K} har foretaget en 24-timers vurdering af underretningen inden for 24 timer i {p}% af sagerne ({n} sager).',
  '6.14':
    '{K} har foretaget en genvurdering, hvoraf den konkrete vurdering fremgår, i {p}% af sagerne ({n} sager).',
};

/** The caveat of seed 000 ("Afgrænsning"), said for the municipality's own review. */
export const MEMO_CAVEAT =
  'Antallet af sager er for lille til, at resultaterne er generaliserbare på tværs af sagsbehandlingen i kommunen; der bør derfor ikke generaliseres fra stikprøven til hele kommunens sagsbehandling på området.';

export interface MemoInput {
  readonly ruleSet: RuleSet;
  readonly settings: Settings;
  readonly today: Day;
  readonly tables: readonly TableResult[];
  readonly cases: number;
  /** Number of verdicts replaced by a reviewer's correction. */
  readonly corrected: number;
}

export function buildMemo(input: MemoInput): string[] {
  const { ruleSet, settings, today, tables } = input;
  const k = settings.kommune === null ? 'Kommunen' : `${settings.kommune} Kommune`;
  const edition = settings.undersoegelsesaar;
  const out: string[] = [];
  out.push(`Børnesagsbarometer ${edition} – ${k}, egen gennemgang ${formatDay(today)}`);
  out.push(
    `${k} har gennemgået ${input.cases} ${input.cases === 1 ? 'sag' : 'sager'} med afgørelser truffet i ${settings.afgoerelsesaar} efter Ankestyrelsens kriterier for Børnesagsbarometret.`,
  );
  if (input.corrected > 0) {
    out.push(
      `Resultaterne omfatter ${input.corrected} ${input.corrected === 1 ? 'vurdering' : 'vurderinger'}, som er rettet ved den manuelle gennemgang.`,
    );
  }
  const byId = new Map(tables.map((t) => [t.id, t]));
  for (const ch of ruleSet.chapters) {
    const bullets: string[] = [];
    for (const q of ruleSet.questions) {
      if (q.chapter !== ch.no) continue;
      const t = byId.get(q.id);
      if (t === undefined) continue;
      if (q.compliantRows.length === 0) {
        // Table 1.1 describes the sample: one bullet with the distribution.
        bullets.push(
          `• Afgørelserne gælder: ${t.rows.map((r) => `${r.label} ${r.count}`).join(', ')} (i alt ${t.total} sager).`,
        );
        continue;
      }
      if (t.suppressed) {
        bullets.push(`• Resultatet for spørgsmål ${q.id} er udeladt, fordi det bygger på færre end 6 sager.`);
        continue;
      }
      const x = t.rows.filter((r) => q.compliantRows.includes(r.label)).reduce((s, r) => s + r.count, 0);
      const p = percentOf(x, t.total);
      const phrase =
        PHRASES[q.id] ?? `{K} har overholdt kravet i spørgsmål ${q.id} i {p}% af sagerne ({n} sager).`;
      let text = phrase
        .replace('{K}', k)
        .replace('{p}', String(p))
        .replace('{x}', String(x))
        .replace('{n}', String(t.total));
      const nat = nationalFigure(edition, q.id);
      if (nat !== null) text = `${text.replace(/\.$/, '')} (${nat.label}).`;
      bullets.push(`• ${text}`);
    }
    if (bullets.length === 0) continue;
    out.push(`${ch.no}. ${ch.title}`);
    out.push(...bullets);
  }
  out.push(MEMO_CAVEAT);
  return out;
}
