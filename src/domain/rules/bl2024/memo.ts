/**
 * How each question's result is said in the memo, worded for the BL-2024 titles (barnets-lov.md §5),
 * in the same one form as SEL-2023: {K} = "Ishøj Kommune", {andel} = "i 94% af sagerne (16 ud af
 * 17 sager)" (memo.ts). Periods in digits, as seed 003 writes them.
 */
export const MEMO_PHRASES: Readonly<Record<string, string>> = {
  '2.2':
    '{K} har udarbejdet en afdækning eller en børnefaglig undersøgelse, der vedrører de aktuelle forhold, {andel}.',
  '2.3': '{K} har afsluttet den børnefaglige undersøgelse inden for 4 måneders fristen {andel}.',
  '2.4':
    '{K} har udarbejdet en begrundet stillingtagen på baggrund af den børnefaglige undersøgelse {andel}.',
  '2.5':
    '{K} har afsluttet afdækningen eller den børnefaglige undersøgelse, inden der blev truffet afgørelse, {andel}.',
  '3.6': '{K} har tilvejebragt barnets synspunkter ved en samtale som led i undersøgelsen {andel}.',
  '3.7': '{K} har beskrevet, hvordan forældremyndighedsindehaveren stiller sig til støtten, {andel}.',
  '3.8': '{K} har overholdt kravet om samtale med barnet, inden der blev truffet afgørelse, {andel}.',
  '3.9':
    '{K} har været i kontakt med barnet inden for de første 3 måneder efter, at indsatsen blev iværksat, {andel}.',
  '4.10': '{K} har udarbejdet en barnets plan til tiden {andel}.',
  '4.11': 'I sagerne med en plan indeholder planen konkrete mål for barnets trivsel og udvikling {andel}.',
  '5.12': '{K} har overholdt kravet om første opfølgning {andel}.',
  '6.13': '{K} har foretaget en 24-timers vurdering af underretningen inden for 24 timer {andel}.',
  '6.14': '{K} har foretaget en genvurdering, hvoraf den konkrete vurdering fremgår, {andel}.',
};
