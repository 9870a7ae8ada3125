import { useEffect, useRef, useState } from 'react'
import type { RequestItem } from '../../shared/apiTypes.js'

/**
 * Tells screen readers when a request's status changes (the list refreshes itself every few
 * seconds, so reading the whole list each time would be noise).
 */
export function StatusAnnouncer({ requests }: { requests: readonly RequestItem[] }) {
  const previous = useRef<Map<string, string> | null>(null)
  const [message, setMessage] = useState('')

  useEffect(() => {
    const current = new Map(requests.map((r) => [r.requestId, r.status]))
    const before = previous.current
    previous.current = current
    if (!before) return
    const changed = requests.filter(
      (r) => before.has(r.requestId) && before.get(r.requestId) !== r.status,
    )
    if (changed.length > 0) {
      setMessage(changed.map((r) => `${r.credentialName} is now ${r.status}.`).join(' '))
    }
  }, [requests])

  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {message}
    </p>
  )
}
