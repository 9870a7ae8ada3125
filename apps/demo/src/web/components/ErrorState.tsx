import { messageOf } from '../api/bffClient.js'

interface ErrorStateProps {
  title: string
  error: unknown
  onRetry?: () => void
  retrying?: boolean
}

/** What went wrong, in the BFF's words, and a way to try again. */
export function ErrorState({ title, error, onRetry, retrying = false }: ErrorStateProps) {
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title}</p>
      <p className="state-text">{messageOf(error)}</p>
      {onRetry ? (
        <button type="button" className="button secondary" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      ) : null}
    </div>
  )
}
