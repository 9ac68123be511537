import type { MeasureDef } from '../../types';

/** Table 1.1's rows in order (spec §5, seed 000). */
export const TABLE_11_ROWS = [
  'Anbringelse (frivillig) § 52, stk. 3, nr. 7',
  'Anbringelse (tvangsmæssig) § 58, stk. 1',
  'Familiebehandling § 52, stk. 3, nr. 3',
  'Andre foranstaltninger efter § 52, stk. 3.',
] as const;

const OTHER = TABLE_11_ROWS[3];

/** The measures of Serviceloven (spec §2.4), with the reference that names each (on folded words). */
export const MEASURES: readonly MeasureDef[] = [
  {
    code: 'A7',
    kind: 'placement-consent',
    label: 'Anbringelse (frivillig) § 52, stk. 3, nr. 7',
    table11Row: TABLE_11_ROWS[0],
    section: '§ 52',
    reference: / 52 (?:stk )?3 (?:nr )?7 /,
  },
  {
    code: 'T58',
    kind: 'placement-forced',
    label: 'Anbringelse (tvangsmæssig) § 58, stk. 1',
    table11Row: TABLE_11_ROWS[1],
    section: '§ 58',
    reference: / 58 /,
  },
  {
    code: 'F3',
    kind: 'family-treatment',
    label: 'Familiebehandling § 52, stk. 3, nr. 3',
    table11Row: TABLE_11_ROWS[2],
    section: '§ 52',
    reference: / 52 (?:stk )?3 (?:nr )?3 /,
  },
  {
    code: 'P2',
    kind: 'practical-support',
    label: 'Praktisk pædagogisk støtte i hjemmet § 52, stk. 3, nr. 2',
    table11Row: OTHER,
    section: '§ 52',
    reference: / 52 (?:stk )?3 (?:nr )?2 /,
  },
  {
    code: 'D4',
    kind: 'residential',
    label: 'Døgnophold § 52, stk. 3, nr. 4',
    table11Row: OTHER,
    section: '§ 52',
    reference: / 52 (?:stk )?3 (?:nr )?4 /,
  },
  {
    code: 'L5',
    kind: 'respite',
    label: 'Aflastningsordning § 52, stk. 3, nr. 5',
    table11Row: OTHER,
    section: '§ 52',
    reference: / 52 (?:stk )?3 (?:nr )?5 /,
  },
  {
    code: 'K6',
    kind: 'contact-person',
    label: 'Kontaktperson § 52, stk. 3, nr. 6',
    table11Row: OTHER,
    section: '§ 52',
    reference: / 52 (?:stk )?3 (?:nr )?6 /,
  },
];
