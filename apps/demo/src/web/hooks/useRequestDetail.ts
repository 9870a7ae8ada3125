import { useQuery } from '@tanstack/react-query'
import { bffFetch } from '../api/bffClient'
import { isRequestDetail } from '../api/guards'
import { queryKeys } from '../api/queryKeys'

/** One request with its credentials as Humanos holds them (through the BFF). */
export function useRequestDetail(requestId: string | null) {
  return useQuery({
    queryKey: queryKeys.request(requestId ?? ''),
    queryFn: ({ signal }) =>
      bffFetch(`/api/requests/${encodeURIComponent(requestId ?? '')}`, isRequestDetail, { signal }),
    enabled: requestId !== null,
  })
}
