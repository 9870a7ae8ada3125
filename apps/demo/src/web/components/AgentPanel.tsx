import { useState } from 'react'
import type { AttemptBody, AttemptView } from '../../shared/apiTypes.js'
import { messageOf } from '../api/bffClient.js'
import { useAttempt, useMandate, useRevoke } from '../hooks/useAgent.js'
import { useUiStore } from '../state/useUiStore.js'
import { AttemptResult } from './AttemptResult.js'
import { EmptyState } from './EmptyState.js'
import { ErrorState } from './ErrorState.js'
import { SkeletonList } from './SkeletonList.js'

/** Step 3: the agent acts under the mandate; each try is presented and verified live. */
export function AgentPanel() {
  const mandate = useUiStore((state) => state.mandate)
  return (
    <section className="card" aria-labelledby="agent-title">
      <h2 id="agent-title">3. Let the agent act</h2>
      {mandate ? (
        <AgentActions key={mandate.requestId} requestId={mandate.requestId} />
      ) : (
        <EmptyState title="No mandate yet">
          Ask for a mandate first; once the person approves it, the agent can try purchases here.
        </EmptyState>
      )}
    </section>
  )
}

function AgentActions({ requestId }: { requestId: string }) {
  const mandate = useMandate(requestId)
  const attempt = useAttempt(requestId)
  const revoke = useRevoke(requestId)
  const [attempts, setAttempts] = useState<AttemptView[]>([])

  if (mandate.isPending) return <SkeletonList label="Loading the mandate" rows={1} />
  if (mandate.isError) {
    return (
      <ErrorState
        title="The mandate could not be loaded"
        error={mandate.error}
        onRetry={() => void mandate.refetch()}
        retrying={mandate.isFetching}
      />
    )
  }
  const { status, userParams } = mandate.data
  const usable = status === 'ACTIVE' || status === 'REVOKED'
  const busy = attempt.isPending || revoke.isPending
  const allowed = userParams.allowedCategories[0] ?? 'groceries'
  const tries: Array<{ label: string; body: AttemptBody }> = [
    {
      label: `Pay ${Math.max(1, Math.floor(userParams.maxAmount / 2))} for ${allowed}`,
      body: { amount: Math.max(1, Math.floor(userParams.maxAmount / 2)), category: allowed },
    },
    {
      label: `Pay ${userParams.maxAmount + 30} for ${allowed} (over the limit)`,
      body: { amount: userParams.maxAmount + 30, category: allowed },
    },
    {
      label: 'Pay 5 for toys (wrong category)',
      body: {
        amount: 5,
        category: userParams.allowedCategories.includes('toys') ? 'jewellery' : 'toys',
      },
    },
    { label: 'Replay the last presentation', body: { replay: true } },
  ]
  const run = (body: AttemptBody) =>
    attempt.mutate(body, { onSuccess: (result) => setAttempts((list) => [result, ...list]) })

  return (
    <>
      <p className="card-intro" data-testid="mandate-status" data-status={status}>
        Mandate <strong>{status}</strong>: up to {userParams.maxAmount} per payment, in{' '}
        {userParams.allowedCategories.join(', ')}.
      </p>
      {!usable ? (
        <p className="muted">Waiting for the person to approve the mandate in step 2…</p>
      ) : null}
      <div className="agent-actions">
        {tries.map((t) => (
          <button
            key={t.label}
            type="button"
            className="button secondary"
            disabled={!usable || busy}
            onClick={() => run(t.body)}
          >
            {t.label}
          </button>
        ))}
        <button
          type="button"
          className="button danger"
          disabled={status !== 'ACTIVE' || busy}
          onClick={() => revoke.mutate()}
        >
          Revoke the mandate
        </button>
      </div>
      {attempt.error ? (
        <p className="field-error" role="alert">
          {messageOf(attempt.error)}
        </p>
      ) : null}
      {revoke.error ? (
        <p className="field-error" role="alert">
          {messageOf(revoke.error)}
        </p>
      ) : null}
      {revoke.data ? (
        <p className="muted" role="status">
          Revoked at {new Date(revoke.data.revokedAt).toLocaleTimeString()} · receipt{' '}
          <code>{revoke.data.receipt.id}</code>
        </p>
      ) : null}
      <ol className="attempts" aria-live="polite" aria-label="Agent attempts">
        {attempts.map((a) => (
          <AttemptResult key={a.receipt.id} attempt={a} />
        ))}
      </ol>
    </>
  )
}
