import { useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useStyles } from './styles';

/**
 * A long list ("Vis alle") rendered virtualised: only the entries in view are in the page, so
 * 20,000 cases or problems never freeze it. Entries keep their list semantics (aria-setsize and
 * aria-posinset tell a screen reader where it is).
 */
export function VirtualList<T>(props: {
  items: readonly T[];
  label: string;
  estimate: number;
  itemKey: (item: T, index: number) => string | number;
  render: (item: T, index: number) => ReactNode;
}) {
  const s = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; this component is simply not auto-memoised, which is what a virtual list needs.
  const v = useVirtualizer({
    count: props.items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => props.estimate,
    overscan: 8,
  });
  return (
    <div ref={scrollRef} className={s.virtualList} tabIndex={-1} data-virtual-list={props.label}>
      <ul className={s.virtualInner} aria-label={props.label} style={{ height: `${v.getTotalSize()}px` }}>
        {v.getVirtualItems().map((row) => {
          const item = props.items[row.index] as T;
          return (
            <li
              key={props.itemKey(item, row.index)}
              data-index={row.index}
              ref={v.measureElement}
              className={s.virtualItem}
              aria-setsize={props.items.length}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {props.render(item, row.index)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
