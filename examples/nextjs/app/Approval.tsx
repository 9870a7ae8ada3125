'use client'
// The browser side: a form that asks the server action for a Link, the flow itself, and the
// outcome. Callbacks are functions, so they live in a client component, not in the page.
import { useActionState, useState } from 'react'
import { HumanosLink } from '@humanos-link/react'
import type { LinkResultPayload } from '@humanos-link/react'
import { startApproval } from '@/app/actions'
import type { ApprovalState } from '@/app/actions'

type Outcome = 'approved' | 'declined'

const initialState: ApprovalState = { status: 'idle' }

/** Hands each attestation to our server, which verifies it; the browser's copy proves nothing. */
async function verifyOnServer(decisions: readonly LinkResultPayload[]): Promise<string[]> {
  return Promise.all(
    decisions.map(async ({ attestation }) => {
      const response = await fetch('/api/attestations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ attestation }),
      })
      const answer = (await response.json()) as { outcome?: string; error?: string }
      return response.ok ? `verified: ${answer.outcome}` : `refused: ${answer.error}`
    }),
  )
}

export function Approval() {
  const [state, submit, pending] = useActionState(startApproval, initialState)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [verified, setVerified] = useState<string[]>([])
  const [problem, setProblem] = useState<string | null>(null)

  if (state.status !== 'created') {
    return (
      <form action={submit}>
        <label>
          Your email <input name="contact" type="email" required autoComplete="email" />
        </label>
        <button disabled={pending}>Subscribe</button>
        {state.status === 'error' && <p role="alert">{state.message}</p>}
      </form>
    )
  }

  return (
    <section data-request-id={state.requestId}>
      {!outcome && (
        <HumanosLink
          link={state.link}
          onSuccess={(decisions) => {
            // Completed is not accepted: branch on what the person decided.
            const declined = decisions.some(
              (d) => d.eventType === 'credential' && d.decision.action === 'reject',
            )
            setOutcome(declined ? 'declined' : 'approved')
            verifyOnServer(decisions).then(setVerified, () =>
              setProblem('Could not reach the server.'),
            )
          }}
          onExit={() => setProblem('You closed the approval. Reload to start again.')}
          onError={(error) => setProblem(`${error.message} (${error.code})`)}
        />
      )}
      {outcome === 'approved' && <p>Thanks, you are subscribed.</p>}
      {outcome === 'declined' && <p>No problem, we will not email you.</p>}
      <ul aria-label="Server checks">
        {verified.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {problem && <p role="alert">{problem}</p>}
    </section>
  )
}
