import type { ColumnId } from './types';

/** How a column's cells are parsed (spec §2.1). */
export type ColumnType =
  | 'sagsnr'
  | 'measure'
  | 'text'
  | 'cpr'
  | 'date'
  | 'datetime'
  | 'yesno'
  | 'yesno-irrelevant'
  | 'bfu'
  | 'conversation-exception'
  | 'effected'
  | 'reassessment'
  | 'plan-stance';

export interface ColumnDef {
  readonly id: ColumnId;
  /** Canonical Danish header, written by the template and used in messages. */
  readonly header: string;
  readonly aliases: readonly string[];
  readonly type: ColumnType;
  /** Required for every run (spec §2.1). */
  readonly required: boolean;
  /** A missing column reads as all blank (Nej) without a problem (spec §2.1). */
  readonly blankWhenMissing: boolean;
  /**
   * A missing column is reported once for the sheet. False for columns only some rules read for
   * some cases (barnets-lov.md §3: synspunkter, plan_stillingtagen): their rule reports it per case.
   */
  readonly reportWhenMissing: boolean;
}

const col = (
  id: ColumnId,
  header: string,
  aliases: readonly string[],
  type: ColumnType,
  opts: { required?: boolean; blankWhenMissing?: boolean; reportWhenMissing?: boolean } = {},
): ColumnDef => ({
  id,
  header,
  aliases,
  type,
  required: opts.required ?? false,
  blankWhenMissing: opts.blankWhenMissing ?? false,
  // Decision: navn is only shown to the reviewer; no rule needs it, so its absence is no problem.
  reportWhenMissing: opts.reportWhenMissing ?? (id !== 'navn' && !(opts.blankWhenMissing ?? false)),
});

/** The known columns of Sagsoversigt in template order (spec §2.1). */
export const COLUMNS: readonly ColumnDef[] = [
  col('sagsnr', 'Sag nummer', ['Sagsnr', 'Sag nr', 'Sags nr', 'Sagsnummer'], 'sagsnr', { required: true }),
  col('foranstaltning', 'Foranstaltning', ['Foranstaltning efter § 52, stk. 3, nr. 2 – 7'], 'measure', {
    required: true,
  }),
  col('navn', 'Barnets navn', ['Navn'], 'text'),
  col('cpr', 'Barnets cpr.nr.', ['CPR', 'CPR-nr', 'Cpr.nr.', 'Personnummer'], 'cpr', { required: true }),
  col('afgoerelsesdato', 'Afgørelsesdato', ['Dato for afgørelse'], 'date', { required: true }),
  col('anket', 'Anket til Ankestyrelsen', ['Anket'], 'yesno', { blankWhenMissing: true }),
  col('ast_behandlet', 'Behandlet af Ankestyrelsen', [], 'yesno', { blankWhenMissing: true }),
  col('familie', 'Familie', ['Familie-id', 'Søskendegruppe'], 'text', { blankWhenMissing: true }),
  col('dom_ukn', 'Afgørelse efter dom eller Ungdomskriminalitetsnævnet', ['Dom/UKN'], 'yesno', {
    blankWhenMissing: true,
  }),
  col('bfu', 'Børnefaglig undersøgelse', ['BFU', 'Undersøgelse'], 'bfu'),
  col('bfu_grund', 'Lovlig grund til ingen undersøgelse', [], 'text'),
  col('opmaerksom', 'Kommunen blev opmærksom', ['Opmærksom dato'], 'date'),
  col('bfu_afsluttet', 'Undersøgelsen afsluttet', ['BFU afsluttet'], 'date'),
  col('bfu_foreloebig', 'Foreløbig vurdering', ['Foreløbig vurdering ved fristoverskridelse'], 'text'),
  col(
    'akut',
    'Akut eller sideløbende indsats',
    ['Akut eller foreløbig støtte', 'Akut', 'Sideløbende indsats'],
    'yesno',
    { blankWhenMissing: true },
  ),
  col('stillingtagen', 'Begrundet stillingtagen', [], 'yesno'),
  col('samtale_bfu', 'Samtale med barnet i undersøgelsen', [], 'yesno-irrelevant'),
  col('foraeldre', 'Oplysninger fra forældremyndighedsindehaver', ['Forældrenes oplysninger'], 'yesno'),
  col('boernesamtale', 'Børnesamtale før afgørelsen', ['Børnesamtale dato'], 'date'),
  col('boernesamtale_undtagelse', 'Børnesamtale ikke afholdt', [], 'conversation-exception'),
  col('effektueret', 'Foranstaltningen effektueret', ['Iværksat', 'Indsatsen iværksat'], 'effected'),
  col('ophoert', 'Foranstaltningen ophørt', ['Ophørt'], 'date'),
  col('kontakt', 'Første kontakt med barnet', ['Kontakt med barnet'], 'date'),
  col('kontakt_grund', 'Begrundelse for manglende kontakt', [], 'text'),
  col(
    'handleplan',
    'Handleplan udarbejdet',
    ['Handleplan dato', 'Barnets plan udarbejdet', 'Barnets plan', 'Ungeplan udarbejdet'],
    'date',
  ),
  col('handleplan_grund', 'Lovlig grund til ingen handleplan', [], 'text'),
  col(
    'handleplan_indsats',
    'Handleplanen angiver nødvendig indsats',
    ['Planen indeholder konkrete mål'],
    'yesno',
  ),
  col('opfoelgning', 'Første opfølgning', ['Opfølgning dato'], 'date'),
  col('underretning', 'Første underretning efter afgørelsen', ['Underretning modtaget'], 'datetime'),
  col('vurdering_24t', '24-timers vurdering', ['Vurdering foretaget'], 'datetime'),
  col('genvurdering', 'Genvurdering', [], 'reassessment'),
  // Added for Barnets lov (barnets-lov.md §3); last, so earlier sheets keep their column order.
  col('synspunkter', 'Barnets synspunkter tilvejebragt på anden vis', ['Synspunkter på anden vis'], 'yesno', {
    reportWhenMissing: false,
  }),
  col('plan_stillingtagen', 'Stillingtagen til barnets plan', ['Barnets plan besluttet'], 'plan-stance', {
    reportWhenMissing: false,
  }),
];

export const COLUMN_BY_ID: Readonly<Record<ColumnId, ColumnDef>> = Object.fromEntries(
  COLUMNS.map((c) => [c.id, c]),
) as Record<ColumnId, ColumnDef>;

/** The closed value sets, as the template's drop-down lists offer them (canonical spelling). */
export const CHOICES = {
  yesno: ['Ja', 'Nej'],
  'yesno-irrelevant': ['Ja', 'Nej', 'Ikke relevant'],
  bfu: ['Ny undersøgelse', 'Opdatering', 'Ingen', 'Ikke relevant'],
  'conversation-exception': [
    'Barnet ønskede ikke samtale',
    'Modenhed eller sagens karakter',
    'Ikke relevant',
  ],
  effected: ['Ikke effektueret'],
  reassessment: ['Ja', 'Vurdering fremgår ikke', 'Ikke foretaget'],
  'plan-stance': ['Plan udarbejdes', 'Plan ikke nødvendig'],
} as const;
