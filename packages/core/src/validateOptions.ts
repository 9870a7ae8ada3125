import { parseLink } from './frameUrl.js'
import type { ParsedLink } from './frameUrl.js'
import type { HumanosLinkOptions } from './options.js'

const CALLBACKS = ['onReady', 'onDecision', 'onSuccess', 'onExit', 'onError', 'onEvent'] as const
const fail = (message: string): never => {
  throw new TypeError(`Humanos Link: ${message}`)
}

function isElement(value: unknown): value is HTMLElement {
  return typeof value === 'object' && value !== null && (value as Node).nodeType === 1
}

/**
 * Checks the options of `createHumanosLink` and throws a `TypeError` that says what is wrong
 * and how to fix it. Misuse is reported at once, never later as a flow error.
 */
export function validateOptions(options: unknown): {
  options: HumanosLinkOptions
  link: ParsedLink
} {
  if (typeof options !== 'object' || options === null) {
    fail('createHumanosLink needs an options object, like createHumanosLink({ link, container }).')
  }
  const o = options as HumanosLinkOptions
  const link = parseLink(o.link)
  const mode = o.mode ?? 'inline'
  if (mode !== 'inline' && mode !== 'modal') {
    fail(`\`mode\` must be "inline" or "modal", got ${JSON.stringify(o.mode)}.`)
  }
  if (mode === 'inline' && !isElement(o.container)) {
    fail(
      'inline mode needs `container`, the element to render the flow into (or use mode "modal").',
    )
  }
  if (o.container !== undefined && !isElement(o.container)) {
    fail('`container` must be a DOM element.')
  }
  for (const name of CALLBACKS) {
    if (o[name] !== undefined && typeof o[name] !== 'function')
      fail(`\`${name}\` must be a function.`)
  }
  const timeout = o.loadTimeoutMs
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0 && timeout < 2 ** 31)) {
    fail('`loadTimeoutMs` must be a positive number of milliseconds.')
  }
  if (o.theme !== undefined && o.theme !== 'light' && o.theme !== 'dark') {
    fail(`\`theme\` must be "light" or "dark", got ${JSON.stringify(o.theme)}.`)
  }
  if (o.lang !== undefined && (typeof o.lang !== 'string' || !/^[A-Z]{3}$/.test(o.lang))) {
    fail(
      `\`lang\` must be a three-letter code such as "ENG" or "PRT", got ${JSON.stringify(o.lang)}.`,
    )
  }
  const pair = o.keyPair
  if (
    pair !== undefined &&
    !(
      typeof pair === 'object' &&
      pair !== null &&
      typeof pair.publicKey === 'string' &&
      typeof pair.privateKey === 'object' &&
      pair.privateKey?.type === 'private'
    )
  ) {
    fail('`keyPair` must come from generateHostKeyPair().')
  }
  return { options: { ...o, mode }, link }
}
