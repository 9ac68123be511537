/**
 * How each question's result is said in the memo (spec §6, seed 003's style). {K} = "Ishøj
 * Kommune", {andel} = the share in its one form, "i 94% af sagerne (16 ud af 17 sager)" (memo.ts).
 * Periods in digits, as seed 003 writes them ("4 måneders fristen", "de første 3 måneder").
 */
export const MEMO_PHRASES: Readonly<Record<string, string>> = {
  '2.2': '{K} har overholdt kravet om udarbejdelse af en børnefaglig undersøgelse {andel}.',
  '2.3': '{K} har afsluttet den børnefaglige undersøgelse inden for 4 måneders fristen {andel}.',
  '2.4':
    '{K} har udarbejdet en begrundet stillingtagen på baggrund af den børnefaglige undersøgelse {andel}.',
  '2.5': '{K} har afsluttet den børnefaglige undersøgelse, inden der blev truffet afgørelse, {andel}.',
  '3.6':
    '{K} har overholdt kravet om samtale med barnet i forbindelse med den børnefaglige undersøgelse {andel}.',
  '3.7': '{K} har oplysninger fra forældremyndighedsindehaver(e) i den børnefaglige undersøgelse {andel}.',
  '3.8': '{K} har talt med barnet, forud for at der er truffet afgørelse, {andel}.',
  '3.9':
    '{K} har været i kontakt med barnet inden for de første 3 måneder efter, at foranstaltningen blev effektueret, {andel}.',
  '4.10': '{K} har udarbejdet en handleplan for indsatsen {andel}.',
  '4.11':
    'I sagerne med en handleplan angiver handleplanen, hvilken indsats der er nødvendig for at opnå formålet, {andel}.',
  '5.12': '{K} har overholdt kravet om opfølgning inden for de første 3 måneder {andel}.',
  '6.13': '{K} har foretaget en 24-timers vurdering af underretningen inden for 24 timer {andel}.',
  '6.14': '{K} har foretaget en genvurdering, hvoraf den konkrete vurdering fremgår, {andel}.',
};
