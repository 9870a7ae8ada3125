import type { AttemptView } from '../../shared/apiTypes.js'
import { shortId } from '../format.js'

/** One attempt of the agent: the decision, each rule's evaluation and the receipt. */
export function AttemptResult({ attempt }: { attempt: AttemptView }) {
  const { amount, category } = attempt.executionParams
  return (
    <li className={`attempt attempt-${attempt.decision}`} data-decision={attempt.decision}>
      <p className="attempt-title">
        <span className={`badge badge-${attempt.decision === 'allow' ? 'active' : 'rejected'}`}>
          <span className="badge-code">{attempt.decision.toUpperCase()}</span>
        </span>{' '}
        {attempt.replayed ? 'Replayed presentation: ' : null}
        pay {amount} for {category}
        {attempt.reason ? (
          <>
            {' '}
            · <code data-testid="deny-reason">{attempt.reason}</code>
          </>
        ) : null}
      </p>
      {attempt.message ? <p className="muted">{attempt.message}</p> : null}
      {attempt.evaluations.length > 0 ? (
        <ul className="evaluations" aria-label="Rule evaluations">
          {attempt.evaluations.map((e) => (
            <li key={e.name} data-result={String(e.result)}>
              <span aria-hidden="true">{e.result ? '✓' : '✗'}</span> <strong>{e.name}</strong>{' '}
              <span className="visually-hidden">{e.result ? 'held' : 'failed'}</span>
              <code>{e.expression}</code>
              {e.error ? <span className="field-error"> {e.error}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          {attempt.stage === 'presentation'
            ? 'Humanos refused to issue a presentation, so no rule was evaluated.'
            : 'Stopped before the rules were evaluated.'}
        </p>
      )}
      <p className="muted small">
        Receipt <code title={attempt.receipt.id}>{shortId(attempt.receipt.id)}</code> ·{' '}
        {new Date(attempt.receipt.timestamp).toLocaleTimeString()}
        {attempt.presentation?.domain ? <> · presented to {attempt.presentation.domain}</> : null}
      </p>
    </li>
  )
}
