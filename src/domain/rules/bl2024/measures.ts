import type { MeasureDef } from '../../types';

/** Table 1.1's rows under Barnets lov (barnets-lov.md §4). */
export const TABLE_11_ROWS = [
  'Anbringelse med samtykke § 46',
  'Anbringelse uden samtykke § 47',
  'Familiebehandling § 32, stk. 1, nr. 5',
  'Andre støttende indsatser efter § 32, stk. 1',
] as const;

const OTHER = TABLE_11_ROWS[3];

/**
 * The indsatser of Barnets lov (barnets-lov.md §2), each the counterpart of a Serviceloven
 * measure of the same kind, with the reference that names it (on folded words).
 */
export const MEASURES: readonly MeasureDef[] = [
  {
    code: 'A46',
    kind: 'placement-consent',
    label: 'Anbringelse med samtykke § 46',
    table11Row: TABLE_11_ROWS[0],
    section: '§ 46',
    reference: / 46 /,
  },
  {
    code: 'A47',
    kind: 'placement-forced',
    label: 'Anbringelse uden samtykke § 47',
    table11Row: TABLE_11_ROWS[1],
    section: '§ 47',
    reference: / 47 /,
  },
  {
    code: 'F5',
    kind: 'family-treatment',
    label: 'Familiebehandling § 32, stk. 1, nr. 5',
    table11Row: TABLE_11_ROWS[2],
    section: '§ 32',
    reference: / 32 (?:stk )?1 (?:nr )?5 /,
  },
  {
    code: 'P2',
    kind: 'practical-support',
    label: 'Praktisk, pædagogisk eller anden støtte i hjemmet § 32, stk. 1, nr. 2',
    table11Row: OTHER,
    section: '§ 32',
    reference: / 32 (?:stk )?1 (?:nr )?2 /,
  },
  {
    code: 'K3',
    kind: 'contact-person',
    label: 'Fast kontaktperson § 32, stk. 1, nr. 3',
    table11Row: OTHER,
    section: '§ 32',
    reference: / 32 (?:stk )?1 (?:nr )?3 /,
  },
  {
    code: 'D6',
    kind: 'residential',
    label: 'Familieanbringelse (døgnophold) § 32, stk. 1, nr. 6',
    table11Row: OTHER,
    section: '§ 32',
    reference: / 32 (?:stk )?1 (?:nr )?6 /,
  },
  {
    code: 'S7',
    kind: 'respite',
    label: 'Støtteophold § 32, stk. 1, nr. 7',
    table11Row: OTHER,
    section: '§ 32',
    reference: / 32 (?:stk )?1 (?:nr )?7 /,
  },
];
