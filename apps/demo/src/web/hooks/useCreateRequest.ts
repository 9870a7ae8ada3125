import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CreateRequestBody } from '../../shared/apiTypes'
import { bffFetch } from '../api/bffClient'
import { isCreatedRequest } from '../api/guards'
import { queryKeys } from '../api/queryKeys'
import { useUiStore } from '../state/useUiStore'

/** Creates a request through the BFF and opens its approval flow. */
export function useCreateRequest() {
  const queryClient = useQueryClient()
  const startFlow = useUiStore((state) => state.startFlow)
  return useMutation({
    mutationFn: (body: CreateRequestBody) =>
      bffFetch('/api/requests', isCreatedRequest, { method: 'POST', body }),
    onSuccess: (created, body) => {
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
