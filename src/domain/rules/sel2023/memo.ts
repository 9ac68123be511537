/**
 * How each question's result is said in the memo (spec §6, seed 003's style);
 * {K} = "Ishøj Kommune", {p} = percent, {x} = compliant, {n} = total.
 */
export const MEMO_PHRASES: Readonly<Record<string, string>> = {
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
