/**
 * The parts every long list shares: the real count with the rows shown, the pages (first, previous,
 * next, last), sortable column headings (aria-sort), and client-side paging for lists that arrive whole.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { SelectField, type SelectFieldProps } from './SelectField';

export const PAGE_SIZE = 50;
/** How long a list waits after the last keystroke before it searches. */
export const SEARCH_DELAY_MS = 200;

/** The search text once typing has paused (SEARCH_DELAY_MS); the setter settles it at once (Enter). */
export function useSettledText(text: string): [string, (now: string) => void] {
  const [settled, setSettled] = useState(text.trim());
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  return [settled, setSettled];
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** "2,000 residents · showing 1,951 to 2,000" and the page buttons. */
export function ListBar(p: { total: number; offset: number; limit: number; noun: string; nouns?: string; label: string; onOffset: (offset: number) => void; busy?: boolean; live?: boolean }) {
  const nouns = p.nouns ?? `${p.noun}s`;
  const pages = Math.max(1, Math.ceil(p.total / p.limit));
  const page = Math.min(pages, Math.floor(p.offset / p.limit) + 1);
  const first = p.total === 0 ? 0 : p.offset + 1;
  const last = Math.min(p.total, p.offset + p.limit);
  const go = (n: number) => p.onOffset((Math.min(pages, Math.max(1, n)) - 1) * p.limit);
  return (
    <div className="app-list-bar">
      <p className="app-list-bar__count" role={p.live === false ? undefined : 'status'} data-testid={p.live === false ? undefined : 'list-count'}>
        {formatCount(p.total)} {p.total === 1 ? p.noun : nouns}
        {p.total > p.limit ? <span className="app-secondary-text app-inline"> · showing {formatCount(first)} to {formatCount(last)}</span> : null}
      </p>
      {pages > 1 ? (
        <nav aria-label={p.label}>
          <ul className="app-pager">
            <li><button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={page === 1} onClick={() => go(1)}>First<span className="nhsuk-u-visually-hidden"> page</span></button></li>
            <li><button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={page === 1} onClick={() => go(page - 1)}>Previous<span className="nhsuk-u-visually-hidden"> page</span></button></li>
            <li className="app-pager__position" aria-current="page">Page {formatCount(page)} of {formatCount(pages)}</li>
            <li><button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={page === pages} onClick={() => go(page + 1)}>Next<span className="nhsuk-u-visually-hidden"> page</span></button></li>
            <li><button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={page === pages} onClick={() => go(pages)}>Last<span className="nhsuk-u-visually-hidden"> page</span></button></li>
          </ul>
        </nav>
      ) : null}
      {p.busy ? <span className="nhsuk-u-visually-hidden">Loading</span> : null}
    </div>
  );
}

export interface SortState<K extends string> { key: K; descending: boolean }

/** A column heading that sorts the list; pressing it again reverses the order. */
export function SortHeader<K extends string>(p: { label: ReactNode; sortKey: K; sort: SortState<K>; onSort: (s: SortState<K>) => void; className?: string }) {
  const active = p.sort.key === p.sortKey;
  return (
    <th className={`nhsuk-table__header ${p.className ?? ''}`} scope="col" aria-sort={active ? (p.sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="app-sort" onClick={() => p.onSort({ key: p.sortKey, descending: active ? !p.sort.descending : false })}>
        {p.label}<span className="app-sort__arrow" aria-hidden="true">{active ? (p.sort.descending ? '▼' : '▲') : ''}</span>
      </button>
    </th>
  );
}

/** Paging for a list that arrives whole: the page of rows, and the offset to show; back to the first page when the list changes. */
export function usePage<T>(rows: readonly T[], limit = PAGE_SIZE): { shown: T[]; offset: number; setOffset: (n: number) => void } {
  const [state, setState] = useState<{ rows: readonly T[]; offset: number }>({ rows, offset: 0 });
  const offset = state.rows === rows ? Math.min(state.offset, Math.max(0, Math.floor((rows.length - 1) / limit) * limit)) : 0;
  const shown = useMemo(() => rows.slice(offset, offset + limit), [rows, offset, limit]);
  return { shown, offset, setOffset: (n) => { setState({ rows, offset: n }); window.scrollTo(0, 0); } };
}

/** Sorts a whole list by one of its columns (text compared as the UK reads it, numbers as numbers). */
export function sortRows<T, K extends string>(rows: readonly T[], sort: SortState<K>, value: (row: T, key: K) => string | number): T[] {
  const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
  });
}

/** One filter of a list's filter bar: a labelled select, sized to its column of the bar. */
export function FilterSelect<V extends string>(p: Omit<SelectFieldProps<V>, 'selectClassName' | 'groupClassName'>) {
  return (
    <div className="app-filter-bar__item">
      <SelectField {...p} selectClassName="nhsuk-u-width-full" />
    </div>
  );
}
