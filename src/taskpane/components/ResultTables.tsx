import { useId } from 'react';
import { Button, Field, Select, mergeClasses } from '@fluentui/react-components';
import type { TableResult } from '../../domain/types';
import { groupByLaw } from '../services/parts';
import { tableBodyRows, tableTitle } from '../services/tableFormat';
import { useStyles } from './styles';

/** A run of tables under one heading (one per law when a list has two parts; null: no heading). */
export interface TableGroup {
  readonly heading: string | null;
  readonly tables: readonly TableResult[];
}

/** The tables in groups: one group per law of a mixed list, each under its part heading. */
export function tableGroups(tables: readonly TableResult[]): TableGroup[] {
  return groupByLaw(tables).map((p) => ({ heading: p.heading, tables: p.items }));
}

/** A table's anchor; the law is part of it, since a mixed list has a 2.3 under each law. */
const anchorOf = (t: TableResult) =>
  `tabel-${t.ruleset.toLowerCase().replace(/[^a-z0-9]+/g, '')}-${t.id.replace('.', '-')}`;

/** "Gå til tabel": jumps to a table (and puts focus on it), so the list of tables has its own navigation. */
export function TableNav({ groups }: { groups: readonly TableGroup[] }) {
  const s = useStyles();
  const id = useId();
  const go = (anchor: string) => {
    const el = document.getElementById(`${anchor}-blok`);
    el?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
  };
  return (
    <nav aria-label="Tabeller" className={s.tableNav}>
      <Field label="Gå til tabel">
        <Select
          id={id}
          className={s.selectRoot}
          select={{ className: s.selectEl }}
          value=""
          onChange={(_, d) => {
            if (d.value) go(d.value);
          }}
        >
          <option value="">Vælg en tabel …</option>
          {groups.map((g, gi) => {
            const options = g.tables.map((t) => (
              <option key={anchorOf(t)} value={anchorOf(t)}>
                {`${t.id} ${t.title}`}
              </option>
            ));
            return g.heading ? (
              <optgroup key={gi} label={g.heading}>
                {options}
              </optgroup>
            ) : (
              options
            );
          })}
          <option value="notat">Notat</option>
        </Select>
      </Field>
    </nav>
  );
}

/** The result tables as in the report (spec §5), each with a "Kopiér tabel" button. */
export function ResultTables(props: { groups: readonly TableGroup[]; onCopy: (t: TableResult) => void }) {
  const s = useStyles();
  return (
    <>
      {props.groups.map((g, gi) => (
        <div key={gi}>
          {g.heading && <h3 className={s.h3}>{g.heading}</h3>}
          {g.tables.map((t) => {
            const captionId = anchorOf(t);
            return (
              <div
                key={captionId}
                id={`${captionId}-blok`}
                tabIndex={-1}
                className={mergeClasses(s.tableBlock, s.anchorTarget)}
                aria-labelledby={captionId}
                role="group"
              >
                <div className={s.scrollX}>
                  <table className={s.table} aria-describedby={`${captionId}-kilde`}>
                    <caption id={captionId}>{tableTitle(t)}</caption>
                    <thead>
                      <tr>
                        <td />
                        <th scope="col" className={s.num}>
                          Antal sager
                        </th>
                        <th scope="col" className={s.num}>
                          Procent
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {tableBodyRows(t).map((r) => (
                        <tr key={r.label} className={r.total ? s.total : undefined}>
                          <th scope="row" className={r.total ? s.total : undefined}>
                            {r.label}
                          </th>
                          <td className={mergeClasses(s.num, r.total && s.total)}>{r.count}</td>
                          <td className={mergeClasses(s.num, r.total && s.total)}>{r.percent}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p id={`${captionId}-kilde`} className={s.source}>
                  {t.source}
                </p>
                <Button aria-describedby={captionId} onClick={() => props.onCopy(t)}>
                  Kopiér tabel
                </Button>
              </div>
            );
          })}
        </div>
      ))}
    </>
  );
}
