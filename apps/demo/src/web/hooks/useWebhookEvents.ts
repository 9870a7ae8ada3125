import { useQuery } from '@tanstack/react-query'
import { bffFetch } from '../api/bffClient.js'
import { isWebhookEventList } from '../api/guards.js'
import { queryKeys } from '../api/queryKeys.js'
import { LIVE_INTERVAL_MS } from './useRequests.js'

/** The webhook events the BFF stored, newest first, kept live. */
export function useWebhookEvents() {
  return useQuery({
    queryKey: queryKeys.webhooks,
    queryFn: ({ signal }) => bffFetch('/api/webhooks', isWebhookEventList, { signal }),
    select: (list) => list.data,
    refetchInterval: LIVE_INTERVAL_MS,
  })
}
