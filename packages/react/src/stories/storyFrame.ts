// Where the stories' Link frame lives: the test kit's fake frame, served by the Storybook (or
// Vitest) dev server itself at `/link/<sessionId>`, or emitted by the static build as
// `link/story/` (see packages/test-kit/src/vite/linkFramePlugin.ts), addressed through the other
// loopback name so that it is a different origin from the story.

/** Scenario switches of the kit's frame page (test-kit/src/frame/framePage.ts), as its query. */
export interface FrameScenario {
  silent?: '1'
  error?: string
  results?: string
  count?: string
  tamper?: '1'
}

/**
 * A Link URL for the story-local test frame: this page's server under its other loopback name
 * (`localhost` <-> `127.0.0.1`), so the same server answers from a different origin. In a static
 * build every story uses the one emitted frame page, whose session id is `story`.
 */
export function storyLink(sessionId: string, scenario: FrameScenario = {}): string {
  const path = import.meta.env.DEV ? `/link/${encodeURIComponent(sessionId)}` : 'link/story/'
  const url = new URL(path, location.href)
  url.hostname = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'
  url.search = new URLSearchParams({ ...scenario }).toString()
  return url.toString()
}

/** The session id of a Link URL: its last path segment, as the SDK reads it. */
export function sessionOf(link: string): string {
  return new URL(link).pathname.split('/').filter(Boolean).at(-1) ?? ''
}

/** The Link iframe on the page (inline or in the modal overlay), once it has its `src`. */
export function findLinkFrame(doc: Document = document): HTMLIFrameElement | null {
  return doc.querySelector<HTMLIFrameElement>('iframe[src*="/link/"]')
}

/**
 * Clicks one of the test frame's buttons. A play function cannot reach into a cross-origin
 * frame, so it asks the frame, which accepts this only from its embedding page.
 */
export function clickInFrame(button: 'accept' | 'reject' | 'cancel', doc: Document = document) {
  const iframe = findLinkFrame(doc)
  if (!iframe?.contentWindow) throw new Error('The Link frame is not on the page.')
  iframe.contentWindow.postMessage({ testClick: button }, new URL(iframe.src).origin)
}
