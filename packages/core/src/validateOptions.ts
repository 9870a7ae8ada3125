import { HumanosLinkError, misuse } from './errors.js'
import { parseLink } from './frameUrl.js'
import type { ParsedLink } from './frameUrl.js'
import { isAllowedLinkOrigin, originRefused } from './linkOrigins.js'
import type { LinkControllerOptions } from './options.js'
import { isObject, matches } from './protocol/shape.js'
import type { Rule } from './protocol/shape.js'

const isFunction = (value: unknown) => typeof value === 'function'
const isBoolean = (value: unknown) => typeof value === 'boolean'

// Each optional option: what it must be, and how to say so. One table keeps every check and its
// message side by side. Built on demand, and only in development (see `validateOptions`).
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
  [
    'linkOrigins',
    (list) =>
      Array.isArray(list) &&
      list.every((origin) => typeof origin === 'string' && /^https?:\/\/[^/?#\s*]+$/.test(origin)),
    'an array of exact origins, like ["https://app.humanos.id", "http://localhost:4000"] (no path, no trailing slash, no wildcard)',
  ],
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
 * fix it: misuse is reported at once, never later as a flow error. A development diagnostic,
 * like React's prop checks: callers write `if (DEV) validateOptions(...)`, so production
 * bundles trust the types (the embed package checks what HTML attributes give it) and drop
 * the table with its sentences (see `dev.ts`).
 */
export function validateOptions(options: unknown, api: string): void {
  if (!isObject(options)) misuse(`${api} needs an options object, like ${api}({ link }).`)
  for (const [name, rule, expected] of optionRules()) {
    const value = (options as Record<string, unknown>)[name]
    if (value !== undefined && !matches(value, rule)) {
      misuse(`\`${name}\` must be ${expected}, got ${describe(value)}.`)
    }
  }
}

/**
 * The link taken apart, or the `invalid_link` error the flow fails with: not a Link URL, or on
 * an origin outside `allowed` (the `linkOrigins` option, see `isAllowedLinkOrigin`). A link
 * comes from the network (or from markup), so a bad one is a flow error, not a throw.
 */
export function checkLink(
  link: string,
  allowed: readonly string[] | undefined,
): ParsedLink | HumanosLinkError {
  try {
    const parsed = parseLink(link)
    if (!isAllowedLinkOrigin(parsed.url, allowed, location.hostname)) {
      misuse(originRefused(parsed.origin, allowed))
    }
    return parsed
  } catch (error) {
    return new HumanosLinkError('invalid_link', (error as Error).message)
  }
}
