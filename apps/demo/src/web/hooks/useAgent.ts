import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AttemptBody, CreateMandateBody } from '../../shared/apiTypes.js'
import { bffFetch } from '../api/bffClient.js'
import {
  isActivityList,
  isAgentAction,
  isAttempt,
  isCreatedMandate,
  isMandateView,
  isRevocation,
} from '../api/agentGuards.js'
import { queryKeys } from '../api/queryKeys.js'
import { useUiStore } from '../state/useUiStore.js'
import { LIVE_INTERVAL_MS } from './useRequests.js'

/** The shopping agent's action, as the BFF seeded it into Humanos. */
export function useAgentAction() {
  return useQuery({
    queryKey: queryKeys.agent,
    queryFn: ({ signal }) => bffFetch('/api/agent', isAgentAction, { signal }),
    staleTime: Infinity,
  })
}

/** Creates the mandate request and opens its approval flow. */
export function useCreateMandate() {
  const startFlow = useUiStore((state) => state.startFlow)
  const setMandate = useUiStore((state) => state.setMandate)
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateMandateBody) =>
      bffFetch('/api/mandates', isCreatedMandate, { method: 'POST', body }),
    onSuccess: (created, body) => {
      setMandate({ requestId: created.requestId, credentialId: created.credentialId })
      startFlow({
        requestId: created.requestId,
        link: created.link,
        contact: body.contact,
        credentialName: 'Shopping agent mandate',
        securityLevel: 'CONTACT',
      })
      return queryClient.invalidateQueries({ queryKey: queryKeys.requests })
    },
  })
}

/** The mandate's status, kept live (the approval arrives in the frame, not through this page). */
export function useMandate(requestId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.mandate(requestId ?? ''),
    queryFn: ({ signal }) => bffFetch(`/api/mandates/${requestId}`, isMandateView, { signal }),
    enabled: requestId !== undefined,
    refetchInterval: LIVE_INTERVAL_MS,
  })
}

/** The activity of one mandate, newest first, kept live. */
export function useActivity(requestId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.activity(requestId ?? ''),
    queryFn: ({ signal }) =>
      bffFetch(`/api/mandates/${requestId}/activity`, isActivityList, { signal }),
    enabled: requestId !== undefined,
    select: (list) => list.data,
    refetchInterval: LIVE_INTERVAL_MS,
  })
}

function useRefresh(requestId: string) {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.mandate(requestId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.activity(requestId) }),
    ])
}

/** One agent attempt: a fresh presentation verified by the shop, or the last one replayed. */
export function useAttempt(requestId: string) {
  const refresh = useRefresh(requestId)
  return useMutation({
    mutationFn: (body: AttemptBody) =>
      bffFetch(`/api/mandates/${requestId}/attempts`, isAttempt, { method: 'POST', body }),
    onSettled: refresh,
  })
}

/** Revokes the mandate. */
export function useRevoke(requestId: string) {
  const refresh = useRefresh(requestId)
  return useMutation({
    mutationFn: () =>
      bffFetch(`/api/mandates/${requestId}/revoke`, isRevocation, { method: 'POST', body: {} }),
    onSettled: refresh,
  })
}
