import type { SelectionRules } from '../../types';

/**
 * The call's measure groups under Barnets lov (barnets-lov.md §2): placements A46 + A47 (capped),
 * F5 counts like F3, P2, K3 and S7 fill up, D6 gets the warning D4 gets.
 */
export const SELECTION: SelectionRules = {
  placements: ['A46', 'A47'],
  main: ['F5'],
  fillUp: ['P2', 'K3', 'S7'],
  notInCall: {
    D6: {
      short: 'familieanbringelse (døgnophold) er ikke med i indkaldelsen',
      message:
        'Familieanbringelse (døgnophold) (§ 32, stk. 1, nr. 6) er ikke blandt indkaldelsens indsatser; overvej at udskifte sagen med en sag om anbringelse, familiebehandling, fast kontaktperson, praktisk, pædagogisk eller anden støtte i hjemmet eller støtteophold.',
    },
  },
  placementsText: '§ 46 og § 47',
  fillUpText: 'fast kontaktperson, praktisk, pædagogisk eller anden støtte i hjemmet eller støtteophold',
  adultMessage: (age, decision) =>
    `Den unge var ${age} år ved afgørelsen ${decision}; kontrollér, at afgørelsen er en indsats efter barnets lov § 32, stk. 1, og ikke efterværn.`,
};
