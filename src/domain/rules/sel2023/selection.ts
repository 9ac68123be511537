import type { SelectionRules } from '../../types';

/** The call's measure groups and wording for Serviceloven cases (spec §3, seed 001). */
export const SELECTION: SelectionRules = {
  placements: ['A7', 'T58'],
  main: ['F3'],
  fillUp: ['P2', 'L5', 'K6'],
  notInCall: {
    D4: {
      short: 'døgnophold er ikke med i indkaldelsen',
      message:
        'Døgnophold (§ 52, stk. 3, nr. 4) er ikke blandt indkaldelsens foranstaltninger; overvej at udskifte sagen med en sag om anbringelse, familiebehandling, kontaktperson, praktisk pædagogisk støtte eller aflastning.',
    },
  },
  placementsText: '§ 52, stk. 3, nr. 7 og § 58, stk. 1',
  fillUpText: 'kontaktperson, praktisk pædagogisk støtte eller aflastning',
  adultMessage: (age, decision) =>
    `Den unge var ${age} år ved afgørelsen ${decision}; kontrollér, at afgørelsen er en foranstaltning efter § 52, stk. 3, og ikke efterværn.`,
};
