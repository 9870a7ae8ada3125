// A tiny structural checker for untrusted JSON (frame messages, decrypted payloads). The host
// bundle carries one checker and a few small tables instead of a hand-written guard per shape,
// which is what keeps the message and payload checks of spec sections 5 and 7 this small.

/**
 * What a value must be:
 * - `'string'`, `'number'` (finite), `'boolean'`, `'object'` (a plain object, not an array or
 *   null), `'array'`; a trailing `?` also allows `undefined`;
 * - an array: one of these exact values (`['accept', 'reject']`);
 * - a `RegExp`: a string it matches;
 * - a function: any other test;
 * - a {@link Shape}: an object whose fields each pass their rule (other fields are allowed).
 */
export type Rule =
  | `${'string' | 'number' | 'boolean' | 'object' | 'array'}${'' | '?'}`
  | readonly unknown[]
  | RegExp
  | ((value: unknown) => boolean)
  | Shape

/** Field name to rule. */
export interface Shape {
  readonly [field: string]: Rule
}

export type JsonObject = Record<string, unknown>

/** A plain object: not `null`, not an array. */
export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** True when `value` passes `rule` (see {@link Rule}). */
export function matches(value: unknown, rule: Rule): boolean {
  if (typeof rule === 'function') return rule(value)
  if (rule instanceof RegExp) return typeof value === 'string' && rule.test(value)
  if (Array.isArray(rule)) return rule.includes(value)
  if (typeof rule === 'string') {
    const type = rule.replace('?', '')
    return (
      (rule !== type && value === undefined) ||
      (type === 'number'
        ? Number.isFinite(value)
        : type === 'object'
          ? isObject(value)
          : type === 'array'
            ? Array.isArray(value)
            : typeof value === type)
    )
  }
  return (
    isObject(value) &&
    Object.keys(rule).every((field) => matches(value[field], (rule as Shape)[field]!))
  )
}

/** {@link matches}, and `value` has no field that `shape` does not name ("this exact shape"). */
export function matchesExactly(value: unknown, shape: Shape): boolean {
  return (
    matches(value, shape) &&
    Object.keys(value as JsonObject).every((key) => Object.hasOwn(shape, key))
  )
}
