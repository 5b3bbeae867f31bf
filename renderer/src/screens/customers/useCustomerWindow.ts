// The customers a virtual list needs right now: the rows on screen, fetched a page at a time.
// A 10,000-customer list asks for ~2 pages while scrolling instead of all of them, and a jump to
// the end fetches only the last page. Each page is its own cached query, so scrolling back is free.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { Customer } from '../../../../preload/contract/index.js';
import { channelQuery } from '../../client/queries.js';

export const PAGE_SIZE = 100;

export interface CustomerWindow {
  total: number;
  /** The row at `index`, or undefined while its page loads. */
  rowAt(index: number): Customer | undefined;
  /** The count is known for the current search (not the previous search's, kept meanwhile). */
  ready: boolean;
  loading: boolean;
}

function pageInput(search: string, page: number) {
  const term = search.trim();
  return {
    ...(term === '' ? {} : { search: term }),
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  };
}

export function useCustomerWindow(search: string, first: number, last: number): CustomerWindow {
  // Page 0 always: it carries the total the list's height is made from. The previous search's
  // answer stays on screen while the next one loads, so the list does not collapse and jump.
  const head = useQuery({
    ...channelQuery('customers.list', pageInput(search, 0)),
    placeholderData: keepPreviousData,
  });
  const ready = head.data !== undefined && !head.isPlaceholderData;
  const firstPage = Math.floor(first / PAGE_SIZE);
  const lastPage = Math.floor(last / PAGE_SIZE);
  const wanted: number[] = [];
  for (let p = Math.max(1, firstPage); p <= lastPage; p++) wanted.push(p);
  const pages = useQueries({
    queries: wanted.map((p) => ({
      ...channelQuery('customers.list', pageInput(search, p)),
      enabled: ready,
    })),
  });

  const byPage = new Map<number, Customer[]>();
  if (head.data) byPage.set(0, head.data.customers);
  wanted.forEach((p, i) => {
    const data = pages[i]?.data;
    if (data) byPage.set(p, data.customers);
  });

  return {
    total: head.data?.total ?? 0,
    rowAt: (index) => byPage.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ready,
    loading: head.isFetching || pages.some((p) => p.isFetching),
  };
}
