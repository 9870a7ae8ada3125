import { useRef } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CreateRequestBody } from '../../shared/apiTypes.js'
import { bffFetch } from '../api/bffClient.js'
import { isCreatedRequest } from '../api/guards.js'
import { queryKeys } from '../api/queryKeys.js'
import { useUiStore } from '../state/useUiStore.js'

/** Creates a request through the BFF and opens its approval flow. */
export function useCreateRequest() {
  const queryClient = useQueryClient()
  const startFlow = useUiStore((state) => state.startFlow)
  // One Idempotency-Key per submission: sending the same form again after a failure (a lost
  // answer, a BFF restart) reuses it, so the BFF and Humanos create the request only once.
  const submission = useRef<{ body: string; key: string } | null>(null)
  return useMutation({
    mutationFn: (body: CreateRequestBody) => {
      const serialized = JSON.stringify(body)
      if (submission.current?.body !== serialized) {
        submission.current = { body: serialized, key: crypto.randomUUID() }
      }
      return bffFetch('/api/requests', isCreatedRequest, {
        method: 'POST',
        body,
        headers: { 'idempotency-key': submission.current.key },
      })
    },
    onSuccess: (created, body) => {
      submission.current = null
      startFlow({
        requestId: created.requestId,
        link: created.link,
        contact: body.contact ?? body.contacts[0] ?? '',
        credentialName: body.credentialName,
        securityLevel: body.securityLevel ?? 'CONTACT',
      })
      return queryClient.invalidateQueries({ queryKey: queryKeys.requests })
    },
  })
}
