import { useMutation } from '@tanstack/react-query'
import { bffFetch } from '../api/bffClient.js'
import { isCodeResent } from '../api/guards.js'

/**
 * Asks the BFF to have Humanos send the person a new one-time code for `requestId` (this
 * session's own request). The new code replaces the old one and lifts a lock.
 */
export function useResendCode(requestId: string) {
  return useMutation({
    mutationKey: ['resend', requestId],
    mutationFn: () =>
      bffFetch(`/api/requests/${encodeURIComponent(requestId)}/resend`, isCodeResent, {
        method: 'POST',
      }),
  })
}
