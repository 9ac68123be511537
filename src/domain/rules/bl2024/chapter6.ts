import type { Question } from '../../types';
import { Q6_13 as SEL_6_13, Q6_14 as SEL_6_14 } from '../sel2023/chapter6';

/**
 * Chapter 6 "Underretninger" under Barnets lov: the rules are SEL 6.13 and 6.14 (the same
 * DST-exact 24-hour rule); only the sections change (§ 155 → §§ 136 and 137).
 */

export const Q6_13: Question = {
  ...SEL_6_13,
  title: 'ER DER FORETAGET EN 24-TIMERS VURDERING, JF. § 136?',
  legal: 'Barnets lov § 136',
};

export const Q6_14: Question = {
  ...SEL_6_14,
  title: 'ER DER FORETAGET EN GENVURDERING, HVORAF DEN KONKRETE VURDERING FREMGÅR, JF. § 137?',
  legal: 'Barnets lov § 137',
};

export const CHAPTER_6: readonly Question[] = [Q6_13, Q6_14];
