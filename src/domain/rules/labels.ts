/** Table row labels shared by the rule sets, exactly as seed 000 prints them (spec §5). */
export const JA = 'Ja';
export const NEJ = 'Nej';
export const NEJ_LOVLIG = 'Nej, men lovlig grund';
export const NEJ_BEGRUNDES = 'Nej, men kan begrundes';
export const NEJ_JOURNAL = 'Nej, det ses ikke i journalen';
export const NEJ_SENERE = 'Nej, foretaget senere end 24 timer';
export const NEJ_FREMGAAR = 'Nej, kommunens vurdering fremgår ikke af genvurderingen';
export const NEJ_IKKE_FORETAGET = 'Nej, der ses ikke foretaget en genvurdering';

export const ROWS_JA_NEJ = [JA, NEJ] as const;
export const ROWS_JA_LOVLIG_NEJ = [JA, NEJ_LOVLIG, NEJ] as const;
