import { useState } from 'react';
import { Button, mergeClasses } from '@fluentui/react-components';
import type { Problem, Severity } from '../../domain/types';
import { useStyles } from './styles';

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: 'Fejl',
  warning: 'Advarsel',
  missing: 'Mangler oplysninger',
};

const FIRST_SHOWN = 100;

function where(p: Problem): string {
  const parts = [p.sagsnr !== null ? `Sag ${p.sagsnr}` : 'Hele listen'];
  if (p.column) parts.push(p.column);
  if (p.cell) parts.push(p.sheet ? `${p.sheet}!${p.cell}` : p.cell);
  return parts.join(' · ');
}

/**
 * The problems of the last run. When the workbook can select cells (Excel), each problem is a
 * button that selects its cell.
 */
export function ProblemsList(props: {
  problems: readonly Problem[];
  onSelect: ((p: Problem) => void) | null;
  disabled: boolean;
}) {
  const s = useStyles();
  const [all, setAll] = useState(false);
  const { problems, onSelect } = props;
  if (problems.length === 0) return <p>Kontrollen fandt ingen problemer.</p>;
  const shown = all ? problems : problems.slice(0, FIRST_SHOWN);
  return (
    <>
      {onSelect && <p className={s.muted}>Vælg et problem for at gå til cellen i arbejdsbogen.</p>}
      <ul className={s.list} aria-label="Problemer">
        {shown.map((p, i) => {
          const content = (
            <>
              <strong>
                {SEVERITY_LABEL[p.severity]}: {where(p)}
              </strong>
              <br />
              {p.message}
            </>
          );
          const cls = mergeClasses(s.problem, s[p.severity]);
          return (
            <li key={`${p.code}-${p.row ?? ''}-${p.cell ?? ''}-${p.question ?? ''}-${i}`}>
              {onSelect && p.cell ? (
                <Button
                  appearance="subtle"
                  className={mergeClasses(cls, s.problemButton)}
                  disabled={props.disabled}
                  onClick={() => onSelect(p)}
                >
                  <span>{content}</span>
                </Button>
              ) : (
                <div className={cls}>{content}</div>
              )}
            </li>
          );
        })}
      </ul>
      {!all && problems.length > FIRST_SHOWN && (
        <Button onClick={() => setAll(true)}>Vis alle {problems.length} problemer</Button>
      )}
    </>
  );
}
