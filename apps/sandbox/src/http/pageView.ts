/** What every paginated list route answers: one page of items and how many pages there are. */
export interface PageView<T> {
  data: T[]
  totalPages: number
}

/** One page of a list of `total` items, `pageSize` to a page (humanos-api.md, pagination). */
export function pageView<T>(data: T[], total: number, pageSize: number): PageView<T> {
  return { data, totalPages: Math.ceil(total / pageSize) }
}
