/** `14:03:07.412`: decisions race within milliseconds, so the time shows them. */
export function formatTime(iso: string): string {
  const date = new Date(iso)
  const time = date.toLocaleTimeString('en-GB', { hour12: false })
  return `${time}.${String(date.getMilliseconds()).padStart(3, '0')}`
}

/** `3 Mar, 14:03`. */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  })
}

/** `+312 ms`, `+2.4 s`. */
export function formatDelta(ms: number): string {
  return ms < 1000 ? `+${ms} ms` : `+${(ms / 1000).toFixed(1)} s`
}

/**
 * The end of a long id: enough to tell requests apart. (Humanos ids start with a timestamp, so
 * requests made close together share their first characters.)
 */
export function shortId(id: string): string {
  return id.length > 10 ? `…${id.slice(-8)}` : id
}
