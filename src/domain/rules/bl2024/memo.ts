/**
 * How each question's result is said in the memo, worded for the BL-2024 titles (barnets-lov.md §5);
 * {K} = "Ishøj Kommune", {p} = percent, {x} = compliant, {n} = total.
 */
export const MEMO_PHRASES: Readonly<Record<string, string>> = {
  '2.2':
    '{K} har udarbejdet en afdækning eller en børnefaglig undersøgelse, der vedrører de aktuelle forhold, i {p}% af sagerne ({n} sager).',
  '2.3':
    '{K} har afsluttet den børnefaglige undersøgelse inden for 4 måneders fristen i {x} ud af {n} sager ({p}%).',
  '2.4':
    '{K} har udarbejdet en begrundet stillingtagen på baggrund af den børnefaglige undersøgelse i {p}% af sagerne ({n} sager).',
  '2.5':
    '{K} har afsluttet afdækningen eller den børnefaglige undersøgelse, inden der blev truffet afgørelse, i {p}% af sagerne ({n} sager).',
  '3.6':
    '{K} har tilvejebragt barnets synspunkter ved en samtale som led i undersøgelsen i {p}% af sagerne ({n} sager).',
  '3.7':
    '{K} har beskrevet, hvordan forældremyndighedsindehaveren stiller sig til støtten, i {p}% af sagerne ({n} sager).',
  '3.8':
    '{K} har overholdt kravet om samtale med barnet, inden der blev truffet afgørelse, i {x} ud af {n} sager ({p}%).',
  '3.9':
    '{K} har været i kontakt med barnet inden for de første tre måneder efter, at indsatsen blev iværksat, i {x} ud af {n} sager ({p}%).',
  '4.10': '{K} har udarbejdet en barnets plan til tiden i {p}% af sagerne ({n} sager).',
  '4.11':
    'Planen indeholder konkrete mål for barnets trivsel og udvikling i {p}% af sagerne med en plan ({n} sager).',
  '5.12': '{K} har i {x} ud af {n} sager ({p}%) overholdt kravet om første opfølgning.',
  '6.13':
    '{K} har foretaget en 24-timers vurdering af underretningen inden for 24 timer i {p}% af sagerne ({n} sager).',
  '6.14':
    '{K} har foretaget en genvurdering, hvoraf den konkrete vurdering fremgår, i {p}% af sagerne ({n} sager).',
};
