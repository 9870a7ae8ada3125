// Runs in the bench host page (http://localhost:<port>), embedding the sandbox's Link frame
// from http://127.0.0.1:<port>: a real cross-origin frame. Each function measures inside the
// page, so Playwright's own round trips never count.
import { createHumanosLink, generateHostKeyPair } from '@humanos-link/core'
import { buildFrameUrl } from '@humanos-link/core/protocol'
import type {
  HumanosLinkError,
  HumanosLinkHandle,
  HumanosLinkOptions,
  LinkMode,
} from '@humanos-link/core'

const READY_TIMEOUT_MS = 15_000

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what}: no answer in ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    )
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    )
  })
}

function container(): HTMLElement {
  const element = document.createElement('section')
  document.body.append(element)
  return element
}

/** Mounts a flow and resolves once it is ready; rejects on its first error. */
function mountUntilReady(
  link: string,
  mode: LinkMode,
  onStart?: (host: HTMLElement | undefined) => void,
) {
  const host = mode === 'inline' ? container() : undefined
  let handle: HumanosLinkHandle | undefined
  const ready = new Promise<void>((resolve, reject) => {
    onStart?.(host)
    // `mode` is chosen at run time: the options union (inline needs a container) is checked
    // by the branch above instead of the compiler.
    handle = createHumanosLink({
      link,
      mode,
      container: host,
      loadTimeoutMs: READY_TIMEOUT_MS,
      onReady: () => resolve(),
      onError: (error: HumanosLinkError) => reject(new Error(`${error.code}: ${error.message}`)),
    } as HumanosLinkOptions)
    if (mode === 'modal') handle.open()
  })
  const destroy = () => {
    handle?.destroy()
    host?.remove()
  }
  return { ready, destroy }
}

/** Where the SDK's time to ready goes, in ms from `createHumanosLink`. */
export interface ReadyTimes {
  /** `onReady`: the measured figure. */
  ready: number
  /** The SDK appended its iframe (key pair made, URL built). */
  attached: number
  /** That iframe's own `load` event, if it came before `onReady` returned. */
  load: number | null
}

/** `createHumanosLink` until `onReady`: key pair, frame, handshake, all included. */
async function sdkReady(link: string): Promise<ReadyTimes> {
  let start = 0
  let attached = 0
  let load: number | null = null
  const flow = mountUntilReady(link, 'inline', (host) => {
    // Watches for the SDK's iframe to split the time into "before the frame" and "the frame".
    new MutationObserver((_, observer) => {
      const iframe = host?.querySelector('iframe')
      if (!iframe) return
      attached = performance.now() - start
      iframe.addEventListener('load', () => (load ??= performance.now() - start))
      observer.disconnect()
    }).observe(host!, { childList: true, subtree: true })
    start = performance.now()
  })
  try {
    await withTimeout(flow.ready, 'createHumanosLink → onReady')
    return { ready: performance.now() - start, attached, load }
  } finally {
    flow.destroy()
  }
}

/** The Link page URL as the SDK would load it (with a fresh `pubKey`), made before any timing. */
async function frameUrl(link: string): Promise<string> {
  const { publicKey } = await generateHostKeyPair()
  return buildFrameUrl(link, { publicKey, origin: location.origin })
}

/** The floor: a bare `<iframe>` of the same URL, until its `load` event. */
async function bareLoad(src: string): Promise<number> {
  const host = container()
  const iframe = document.createElement('iframe')
  const loaded = new Promise<void>((resolve) => iframe.addEventListener('load', () => resolve()))
  const start = performance.now()
  iframe.src = src
  host.append(iframe)
  try {
    await withTimeout(loaded, 'bare iframe → load')
    return performance.now() - start
  } finally {
    host.remove()
  }
}

/** Wall-clock instants (ms, sub-ms precise) comparable with the frame's own. */
const now = () => performance.timeOrigin + performance.now()

interface DecisionTimes {
  /** The frame's `complete` message reached this window: the floor. */
  completeAt: number | null
  /** `onSuccess` fired, with the decrypted decisions. */
  successAt: number | null
}

let decisionFlow: { destroy: () => void; times: DecisionTimes } | null = null

/** Mounts a flow for the decision benchmark and resolves once it is ready. */
async function startDecision(link: string): Promise<void> {
  const times: DecisionTimes = { completeAt: null, successAt: null }
  const frameOrigin = new URL(link).origin
  // What any integration gets at best: the raw message, before checking or decrypting anything.
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { ns?: unknown; type?: unknown } | null
    if (event.origin === frameOrigin && data?.ns === 'humanos-link' && data.type === 'complete') {
      times.completeAt ??= now()
    }
  }
  window.addEventListener('message', onMessage)
  const host = container()
  let handle: HumanosLinkHandle | undefined
  const ready = new Promise<void>((resolve, reject) => {
    handle = createHumanosLink({
      link,
      container: host,
      onReady: () => resolve(),
      onSuccess: () => (times.successAt ??= now()),
      onError: (error) => reject(new Error(`${error.code}: ${error.message}`)),
    })
  })
  decisionFlow = {
    times,
    destroy: () => {
      handle?.destroy()
      host.remove()
      window.removeEventListener('message', onMessage)
    },
  }
  await withTimeout(ready, 'decision flow → onReady')
}

function decisionTimes(): DecisionTimes | null {
  return decisionFlow?.times ?? null
}

function endDecision(): void {
  decisionFlow?.destroy()
  decisionFlow = null
}

/** Resolves once an iframe is in the document (the SDK appends it after making its key pair). */
function frameAppended(): Promise<void> {
  return withTimeout(
    new Promise<void>((resolve) => {
      if (document.querySelector('iframe')) return resolve()
      const observer = new MutationObserver(() => {
        if (!document.querySelector('iframe')) return
        observer.disconnect()
        resolve()
      })
      observer.observe(document.body, { childList: true, subtree: true })
    }),
    'iframe appended',
  )
}

/**
 * `count` create → destroy cycles, alternating inline and modal. Every `readyEvery`-th cycle
 * waits for `onReady` (the whole handshake, listeners busy); the others destroy as soon as the
 * frame is appended, mid-load, which is where a teardown most easily forgets something.
 */
async function sdkCycles(link: string, count: number, readyEvery: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const flow = mountUntilReady(link, i % 2 === 0 ? 'inline' : 'modal')
    flow.ready.catch(() => {}) // a flow destroyed mid-load never becomes ready
    try {
      await (i % readyEvery === 0 ? withTimeout(flow.ready, `cycle ${i}`) : frameAppended())
    } finally {
      flow.destroy()
    }
  }
}

/** The floor of the memory benchmark: bare iframes of the same URL, the same rhythm. */
async function bareCycles(link: string, count: number, readyEvery: number): Promise<void> {
  const src = await frameUrl(link)
  for (let i = 0; i < count; i++) {
    if (i % readyEvery === 0) {
      await bareLoad(src)
      continue
    }
    const host = container()
    const iframe = document.createElement('iframe')
    iframe.src = src
    host.append(iframe)
    await frameAppended()
    host.remove()
  }
}

const bench = {
  sdkReady,
  frameUrl,
  bareLoad,
  startDecision,
  decisionTimes,
  endDecision,
  sdkCycles,
  bareCycles,
}

export type HostBench = typeof bench

declare global {
  interface Window {
    bench: HostBench
  }
}
window.bench = bench
