import { Button, mergeClasses } from '@fluentui/react-components';
import type { TableResult } from '../../domain/types';
import { tableBodyRows, tableTitle } from '../services/tableFormat';
import { useStyles } from './styles';

/** The result tables as in the report (spec §5), each with a "Kopiér tabel" button. */
export function ResultTables(props: { tables: readonly TableResult[]; onCopy: (t: TableResult) => void }) {
  const s = useStyles();
  return (
    <>
      {props.tables.map((t) => {
        const captionId = `tabel-${t.id.replace('.', '-')}`;
        return (
          <div key={t.id} className={s.tableBlock}>
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
            <p id={`${captionId}-kilde`} className={s.source}>
              {t.source}
            </p>
            <Button aria-describedby={captionId} onClick={() => props.onCopy(t)}>
              Kopiér tabel
            </Button>
          </div>
        );
      })}
    </>
  );
}
