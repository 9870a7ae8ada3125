import { messageOf } from '../api/bffClient.js'
import { useResendCode } from '../hooks/useResendCode.js'

interface ResendCodeProps {
  requestId: string
  contact: string
}

/**
 * "Send a new code": the integrator's resend, through the BFF. The Link page has its own
 * button, which sends the same code again; this one makes Humanos issue a fresh code and lifts
 * a lock, which only the integrator may do.
 */
export function ResendCode({ requestId, contact }: ResendCodeProps) {
  const resend = useResendCode(requestId)
  return (
    <div className="resend-code">
      <button
        type="button"
        className="button secondary"
        onClick={() => resend.mutate()}
        disabled={resend.isPending}
      >
        {resend.isPending ? 'Sending…' : 'Send a new code'}
      </button>
      <p className="resend-status" role="status" aria-live="polite">
        {resend.isSuccess
          ? `A new code was sent to ${contact}; the previous one no longer works.`
          : null}
      </p>
      {resend.isError ? (
        <p className="resend-error" role="alert">
          {messageOf(resend.error)}
        </p>
      ) : null}
    </div>
  )
}
