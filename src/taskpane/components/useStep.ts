import { useCallback, useState } from 'react';

export const STEPS = ['forbered', 'kontrol', 'gennemgang', 'resultater'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABEL: Readonly<Record<Step, string>> = {
  forbered: 'Forbered',
  kontrol: 'Kontrol',
  gennemgang: 'Gennemgang',
  resultater: 'Resultater',
};

const KEY = 'boernesagsbarometer.trin';

function stored(): Step {
  try {
    const v = window.localStorage.getItem(KEY);
    return (STEPS as readonly string[]).includes(v ?? '') ? (v as Step) : 'forbered';
  } catch {
    return 'forbered'; // storage blocked (private mode, policy): start at the first step
  }
}

/** The current step, remembered in localStorage for the next time the pane opens. */
export function useStep(): [Step, (s: Step) => void] {
  const [step, setStepState] = useState<Step>(stored);
  const setStep = useCallback((s: Step) => {
    setStepState(s);
    try {
      window.localStorage.setItem(KEY, s);
    } catch {
      // Not remembered; the pane works the same.
    }
  }, []);
  return [step, setStep];
}
