import { useHumanosLinkStatus } from '@humanos-link/react'
import type { FlowMode } from '../state/useUiStore.js'
import { Spinner } from './Spinner.js'

interface FlowStatusProps {
  mode: FlowMode
  contact: string
  onRestart: () => void
  onOpen: () => void
}

const EXITS: Record<string, string> = {
  user_closed: 'The approval was closed before it was finished.',
  expired: 'The link has expired. Create a new request.',
  canceled: 'The request was canceled.',
}

/** Where the embedded flow stands, read from `<HumanosLinkProvider>`. */
export function FlowStatus({ mode, contact, onRestart, onOpen }: FlowStatusProps) {
  const status = useHumanosLinkStatus()
  const error = useHumanosLinkStatus((state) => state.error)
  const exitReason = useHumanosLinkStatus((state) => state.exitReason)
  const isOpen = useHumanosLinkStatus((state) => state.isOpen)

  if (status === 'idle' || status === 'loading') {
    return (
      <p className="flow-status" role="status" aria-busy="true">
        <Spinner /> Loading the approval flow…
      </p>
    )
  }
  if (status === 'ready') {
    return (
      <div className="flow-status" role="status">
        <p>
          Waiting for <strong>{contact}</strong> to review, enter their code and decide.
        </p>
        {mode === 'modal' && !isOpen ? (
          <button type="button" className="button primary" onClick={onOpen}>
            Open approval
          </button>
        ) : null}
      </div>
    )
  }
  if (status === 'completed') {
    return (
      <p className="flow-status success" role="status">
        Flow completed: the decision came back encrypted to this page.
      </p>
    )
  }
  if (status === 'exited') {
    return (
      <div className="flow-status" role="status">
        <p>{EXITS[exitReason ?? ''] ?? 'The flow ended.'}</p>
        <button type="button" className="button secondary" onClick={onRestart}>
          Open it again
        </button>
      </div>
    )
  }
  if (status === 'failed') {
    return (
      <div className="state state-error" role="alert">
        <p className="state-title">The approval flow stopped ({error?.code ?? 'error'})</p>
        <p className="state-text">{error?.message}</p>
        <button type="button" className="button secondary" onClick={onRestart}>
          Try again
        </button>
      </div>
    )
  }
  return null
}
