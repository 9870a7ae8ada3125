import { useQuery } from '@tanstack/react-query'
import { bffFetch } from '../api/bffClient.js'
import { isRequestDetail } from '../api/guards.js'
import { queryKeys } from '../api/queryKeys.js'
import { LIVE_INTERVAL_MS } from './useRequests.js'

/** One request with its credentials as Humanos holds them (through the BFF). */
export function useRequestDetail(requestId: string | null) {
  return useQuery({
    queryKey: queryKeys.request(requestId ?? ''),
    queryFn: ({ signal }) =>
      bffFetch(`/api/requests/${encodeURIComponent(requestId ?? '')}`, isRequestDetail, { signal }),
    enabled: requestId !== null,
    // Until every credential is sealed, keep asking: the proof appears once all have accepted.
    refetchInterval: (query) =>
      query.state.data?.credentials.every((c) => c.proof !== null) ? false : LIVE_INTERVAL_MS,
  })
}
