import { useMutation, useQueryClient } from '@tanstack/react-query'
import { bffFetch } from '../api/bffClient.js'
import { isAttestationAccepted } from '../api/guards.js'
import { queryKeys } from '../api/queryKeys.js'

/**
 * Hands the attestation of a Link result to the BFF, which verifies it and records the decision.
 * Nothing else from the result is sent: the BFF trusts only what the signature covers.
 */
export function useSubmitAttestation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (attestation: string) =>
      bffFetch('/api/attestations', isAttestationAccepted, {
        method: 'POST',
        body: { attestation },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.requests }),
  })
}
