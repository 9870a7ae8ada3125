import { misuse } from './errors.js'
import { parseLink } from './frameUrl.js'
import type { ParsedLink } from './frameUrl.js'
import type { HumanosLinkOptions } from './options.js'
import { isObject, matches } from './protocol/shape.js'
import type { Rule } from './protocol/shape.js'

const isFunction = (value: unknown) => typeof value === 'function'
const isElement = (value: unknown) => isObject(value) && value.nodeType === 1

// Each optional option: what it must be, and how to say so. One table keeps every check and its
// message side by side, and costs the host bundle one loop instead of a branch per option.
const OPTION_RULES: [keyof HumanosLinkOptions, Rule, string][] = [
  ['mode', ['inline', 'modal'], '"inline" or "modal"'],
  ['container', isElement, 'a DOM element'],
  [
    'loadTimeoutMs',
    (ms) => typeof ms === 'number' && ms > 0 && ms < 2 ** 31,
    'a positive number of milliseconds',
  ],
  ['theme', ['light', 'dark'], '"light" or "dark"'],
  ['lang', /^[A-Z]{3}$/, 'a three-letter code such as "ENG" or "PRT"'],
  [
    'keyPair',
    { publicKey: 'string', privateKey: { type: ['private'] } },
    'the key pair generateHostKeyPair() returns',
  ],
  ...(['onReady', 'onDecision', 'onSuccess', 'onExit', 'onError', 'onEvent'] as const).map(
    (name): [keyof HumanosLinkOptions, Rule, string] => [name, isFunction, 'a function'],
  ),
]

// Strings are quoted; objects and functions are named by type rather than dumped.
const describe = (value: unknown) =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : value !== null && (typeof value === 'object' || isFunction(value))
      ? `a value of type ${typeof value}`
      : String(value)

/**
 * Checks the options of `createHumanosLink` and throws a `TypeError` that says what is wrong
 * and how to fix it. Misuse is reported at once, never later as a flow error.
 */
export function validateOptions(options: unknown): {
  options: HumanosLinkOptions
  link: ParsedLink
} {
  if (!isObject(options)) {
    misuse(
      'createHumanosLink needs an options object, like createHumanosLink({ link, container }).',
    )
  }
  const given = options as unknown as HumanosLinkOptions
  const link = parseLink(given.link)
  for (const [name, rule, expected] of OPTION_RULES) {
    const value = given[name]
    if (value !== undefined && !matches(value, rule)) {
      misuse(`\`${name}\` must be ${expected}, got ${describe(value)}.`)
    }
  }
  const mode = given.mode ?? 'inline'
  if (mode === 'inline' && !given.container) {
    misuse(
      'inline mode needs `container`, the element to render the flow into (or use mode "modal").',
    )
  }
  return { options: { ...given, mode }, link }
}
