import type { CredentialView } from '../../shared/apiTypes.js'
import { useRequestDetail } from '../hooks/useRequestDetail.js'
import { useUiStore } from '../state/useUiStore.js'
import { ErrorState } from './ErrorState.js'
import { SkeletonList } from './SkeletonList.js'

const PROOF_FIELDS = ['type', 'cryptosuite', 'proofPurpose', 'verificationMethod', 'created']

function Credential({ credential }: { credential: CredentialView }) {
  return (
    <article className="credential" aria-label={credential.name}>
      <header className="credential-header">
        <h3>{credential.name}</h3>
        <span className={`seal${credential.proof ? ' sealed' : ''}`}>
          {credential.proof ? 'Sealed' : 'Not sealed yet'}
        </span>
      </header>
      {credential.proof ? (
        <section aria-label="Proof">
          <h4>DataIntegrityProof</h4>
          <dl className="proof">
            {PROOF_FIELDS.map((field) => (
              <div key={field}>
                <dt>{field}</dt>
                <dd>{String(credential.proof?.[field] ?? '—')}</dd>
              </div>
            ))}
            <div>
              <dt>proofValue</dt>
              <dd className="mono break">{String(credential.proof.proofValue ?? '—')}</dd>
            </div>
          </dl>
        </section>
      ) : (
        <p className="muted">
          Status {credential.status}: Humanos attaches the proof once every contact has accepted.
        </p>
      )}
      <details open>
        <summary>W3C credential (with its proof)</summary>
        <pre className="json" tabIndex={0}>
          {JSON.stringify(credential.w3cCredential, null, 2)}
        </pre>
      </details>
    </article>
  )
}

/** The sealed W3C credential of the selected request, fetched from Humanos through the BFF. */
export function CredentialPanel() {
  const requestId = useUiStore((state) => state.selectedRequestId)
  const selectRequest = useUiStore((state) => state.selectRequest)
  const detail = useRequestDetail(requestId)
  if (requestId === null) return null

  let body
  if (detail.isPending) body = <SkeletonList label="Loading the credential" rows={2} />
  else if (detail.isError) {
    body = (
      <ErrorState
        title="The credential could not be loaded"
        error={detail.error}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    )
  } else {
    body = detail.data.credentials.map((credential) => (
      <Credential key={credential.id} credential={credential} />
    ))
  }

  return (
    <section className="card credential-panel" aria-labelledby="credential-title">
      <div className="card-header">
        <h2 id="credential-title">Credential</h2>
        <button type="button" className="link-button" onClick={() => selectRequest(null)}>
          Close
        </button>
      </div>
      <p className="card-intro">
        The VIA mandate as Humanos holds it, with its <code>eddsa-jcs-2022</code> proof.
      </p>
      {body}
    </section>
  )
}
