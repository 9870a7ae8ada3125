import { useQuery } from '@tanstack/react-query'
import { bffFetch } from '../api/bffClient.js'
import { isRequestList } from '../api/guards.js'
import { queryKeys } from '../api/queryKeys.js'

/** How often the list asks again: webhooks arrive at the BFF without the page knowing. */
export const LIVE_INTERVAL_MS = 1500

/** The demo's requests with their status, kept live. */
export function useRequests() {
  return useQuery({
    queryKey: queryKeys.requests,
    queryFn: ({ signal }) => bffFetch('/api/requests', isRequestList, { signal }),
    select: (list) => list.data,
    refetchInterval: LIVE_INTERVAL_MS,
  })
}
