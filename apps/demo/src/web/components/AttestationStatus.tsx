import type { UseMutationResult } from '@tanstack/react-query'
import type { AttestationAccepted } from '../../shared/apiTypes.js'
import { messageOf } from '../api/bffClient.js'
import { Spinner } from './Spinner.js'

interface AttestationStatusProps {
  submit: UseMutationResult<AttestationAccepted, Error, string>
}

/** The server side of the decision: did the BFF verify the attestation the browser forwarded? */
export function AttestationStatus({ submit }: AttestationStatusProps) {
  if (submit.isIdle) return null
  if (submit.isPending) {
    return (
      <p className="attestation" role="status" aria-busy="true">
        <Spinner /> Verifying the attestation on the server…
      </p>
    )
  }
  if (submit.isError) {
    return (
      <div className="state state-error" role="alert">
        <p className="state-title">The server did not accept the decision</p>
        <p className="state-text">{messageOf(submit.error)}</p>
        <button
          type="button"
          className="button secondary"
          onClick={() => submit.variables && submit.mutate(submit.variables)}
        >
          Retry
        </button>
      </div>
    )
  }
  const { decision, status } = submit.data
  return (
    <p className="attestation success" role="status" data-testid="attestation-verified">
      Attestation verified by the BFF (signature, issuer, audience, expiry, single use):{' '}
      <strong>{decision.outcome === 'accept' ? 'accepted' : decision.outcome}</strong>
      {status ? (
        <>
          , request now <strong>{status}</strong>
        </>
      ) : null}
      .
    </p>
  )
}
