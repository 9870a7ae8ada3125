import { useQuery } from '@tanstack/react-query'
import { bffFetch } from '../api/bffClient'
import { isWebhookEventList } from '../api/guards'
import { queryKeys } from '../api/queryKeys'
import { LIVE_INTERVAL_MS } from './useRequests'

/** The webhook events the BFF stored, newest first, kept live. */
export function useWebhookEvents() {
  return useQuery({
    queryKey: queryKeys.webhooks,
    queryFn: ({ signal }) => bffFetch('/api/webhooks', isWebhookEventList, { signal }),
    select: (list) => list.data,
    refetchInterval: LIVE_INTERVAL_MS,
  })
}
