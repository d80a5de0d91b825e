// Server-side paging and sorting for lists that work without JavaScript.

export interface PageRequest<S extends string> {
  page: number;
  pageSize: number;
  sort: S;
  direction: 'asc' | 'desc';
}

export function parsePageRequest<S extends string>(
  query: Record<string, unknown>,
  sorts: readonly S[],
  defaults: { sort: S; direction: 'asc' | 'desc'; pageSize?: number },
): PageRequest<S> {
  const rawPage = Number(query['page']);
  const page = Number.isInteger(rawPage) && rawPage >= 1 && rawPage <= 100_000 ? rawPage : 1;
  const sortValue = typeof query['sort'] === 'string' ? query['sort'] : '';
  const sort = (sorts as readonly string[]).includes(sortValue) ? (sortValue as S) : defaults.sort;
  const dir = query['direction'] === 'asc' || query['direction'] === 'desc' ? query['direction'] : defaults.direction;
  return { page, pageSize: defaults.pageSize ?? 20, sort, direction: dir };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
