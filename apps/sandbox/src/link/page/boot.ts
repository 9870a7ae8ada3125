// The boot data the server renders into `#link-boot` (an inert JSON block: the page's CSP
// allows no inline script). The server builds it with these types, so both sides agree.
import type { ClientStrings } from '../clientStrings.js'

/** What every Link page knows: its session, and where to post (null: post nothing). */
interface BootBase {
  sessionId: string
  /** The host's `postMessageOrigin`, when it is allowed; `null` on a standalone or refused page. */
  origin: string | null
}

/** The approval flow. */
export interface FlowBoot extends BootBase {
  mode: 'flow'
  /** The frame token page calls carry: ties them to the origin and key this page was opened with. */
  frame: string
  identityStep: boolean
  hasCredentials: boolean
  channel: 'email' | 'sms'
  resendWaitSeconds: number
  /** Standalone pages only: where the done step links to. */
  redirectUrl: string | null
  t: ClientStrings
}

/** A page that can only report why the flow cannot start (link-protocol.md section 5). */
export interface ErrorBoot extends BootBase {
  mode: 'error'
  code: string
  message: string
}

export type LinkPageBoot = FlowBoot | ErrorBoot

/** Reads the boot block; throws (the page cannot run without it) when it is missing. */
export function readBoot(doc: Document = document): LinkPageBoot {
  const text = doc.getElementById('link-boot')?.textContent
  if (!text) throw new Error('The Link page has no #link-boot data.')
  return JSON.parse(text) as LinkPageBoot
}
