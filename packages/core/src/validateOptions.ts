import { DEV } from './dev.js'
import { HumanosLinkError, misuse } from './errors.js'
import { parseLink } from './frameUrl.js'
import type { ParsedLink } from './frameUrl.js'
import type { LinkControllerOptions } from './options.js'
import { isObject, matches } from './protocol/shape.js'
import type { Rule } from './protocol/shape.js'

const isFunction = (value: unknown) => typeof value === 'function'
const isBoolean = (value: unknown) => typeof value === 'boolean'

// Each optional option: what it must be, and how to say so. One table keeps every check and its
// message side by side. Built on demand, so production bundles (no `DEV`) drop it entirely.
const optionRules = (): [keyof LinkControllerOptions, Rule, string][] => [
  ['mode', ['inline', 'modal'], '"inline" or "modal"'],
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
  ['title', 'string', 'a string'],
  ...(['open', 'allowCamera', 'autoResize'] as const).map(
    (name): [keyof LinkControllerOptions, Rule, string] => [name, isBoolean, 'true or false'],
  ),
  ...(['onReady', 'onDecision', 'onSuccess', 'onExit', 'onError', 'onEvent'] as const).map(
    (name): [keyof LinkControllerOptions, Rule, string] => [name, isFunction, 'a function'],
  ),
]

// Strings are quoted as given; objects and functions are named by type rather than dumped.
const describe = (value: unknown) =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : value !== null && (typeof value === 'object' || isFunction(value))
      ? `a value of type ${typeof value}`
      : String(value)

/**
 * Checks every option but the link and throws a `TypeError` that says what is wrong and how to
 * fix it: misuse is reported at once, never later as a flow error. Production builds trust the
 * types (see `dev.ts`).
 */
export function validateOptions<T extends LinkControllerOptions>(options: unknown, api: string): T {
  // A development diagnostic, like React's prop checks: production builds trust the types (and
  // the embed package checks what HTML attributes give it), which keeps the table out of them.
  if (DEV) {
    if (!isObject(options)) misuse(`${api} needs an options object, like ${api}({ link }).`)
    for (const [name, rule, expected] of optionRules()) {
      const value = (options as Record<string, unknown>)[name]
      if (value !== undefined && !matches(value, rule)) {
        misuse(`\`${name}\` must be ${expected}, got ${describe(value)}.`)
      }
    }
  }
  return options as T
}

/**
 * The link taken apart, or the `invalid_link` error the flow fails with. A link comes from the
 * network, so a bad one is a flow error, not a throw.
 */
export function checkLink(link: string): ParsedLink | HumanosLinkError {
  try {
    return parseLink(link)
  } catch (error) {
    return new HumanosLinkError('invalid_link', (error as Error).message)
  }
}
