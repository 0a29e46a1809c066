// The one paging and sorting rule of every list (worklists, DVZ advices, fine reminders): a page
// number and a sort key read from the URL, bounded and checked against the list's own columns, so
// a hand-edited URL falls back to the first page and the default order instead of failing. Pure;
// the components are components/lists/ (pager, sort header), the SQL lives with each list.

/** A sort as it appears in the URL: a column key, "-" in front for descending. */
export type SortParam<K extends string> = K | `-${K}`;

export interface ListParams<K extends string> {
  page: number;
  sort: K;
  desc: boolean;
}

/** The highest page a URL may ask for: far beyond any list, and keeps OFFSET a safe integer. */
export const MAX_PAGE = 100_000;

const one = (v: string | string[] | undefined | null) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Reads `page` and `sort` for a list whose sortable columns are `columns` (first: the default unless given). */
export function parseListParams<K extends string>(
  params: { page?: string | string[] | null; sort?: string | string[] | null },
  columns: readonly K[],
  fallback: SortParam<K> = columns[0]!,
): ListParams<K> {
  const n = Number(one(params.page));
  const page = Number.isInteger(n) && n >= 1 && n <= MAX_PAGE ? n : 1;
  const raw = one(params.sort);
  const wanted = raw || fallback;
  const desc = wanted.startsWith("-");
  const key = (desc ? wanted.slice(1) : wanted) as K;
  if (!columns.includes(key)) {
    const fd = fallback.startsWith("-");
    return { page, sort: (fd ? fallback.slice(1) : fallback) as K, desc: fd };
  }
  return { page, sort: key, desc };
}

export const sortParamOf = <K extends string>(p: { sort: K; desc: boolean }): SortParam<K> => (p.desc ? `-${p.sort}` : p.sort);

/** The sort a column header links to: the same column reversed, another column ascending. */
export const nextSort = <K extends string>(p: { sort: K; desc: boolean }, column: K): SortParam<K> => (p.sort === column && !p.desc ? `-${column}` : column);

/** Number of pages for a (possibly capped) total: at least 1. */
export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/** The OFFSET of a page. */
export const offsetOf = (page: number, pageSize: number) => (page - 1) * pageSize;

/** A list's URL with its filters (empty ones left out) and the given changes. */
export function listHref(path: string, params: Record<string, string | number | null | undefined>, changes: Record<string, string | number | null> = {}) {
  const merged = { ...params, ...changes };
  const entries = Object.entries(merged).filter(([, v]) => v !== null && v !== undefined && v !== "") as [string, string | number][];
  const qs = new URLSearchParams(entries.map(([k, v]) => [k, String(v)]));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}
