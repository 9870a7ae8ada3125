// Checks parameter values (a mandate's userParams, a verification's executionParams) against an
// action's declarations: every declared parameter, of its type, and nothing else.
import type { ParamDeclarations, ParamType } from './actionContent.js'

const MAX_STRING = 1000
const MAX_ITEMS = 100

function typeProblem(type: ParamType, value: unknown): string | null {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') return 'must be a string'
      return value.length > MAX_STRING ? `must be at most ${MAX_STRING} characters` : null
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number'
    case 'integer':
      return Number.isSafeInteger(value) ? null : 'must be a whole number (an integer)'
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false'
    case 'array<string>':
    case 'array<number>': {
      const item = type === 'array<string>' ? 'string' : 'number'
      if (!Array.isArray(value)) return `must be an array of ${item}s`
      if (value.length > MAX_ITEMS) return `must have at most ${MAX_ITEMS} items`
      const bad = value.findIndex((entry) => typeProblem(item, entry) !== null)
      return bad === -1 ? null : `[${bad}]: must be a ${item}`
    }
  }
}

/**
 * The first thing wrong with `values`, naming the parameter (`<label>.maxAmount: must be a
 * number`), or `null` when they match the declarations exactly.
 */
export function paramsProblem(
  declared: ParamDeclarations,
  values: unknown,
  label: string,
): string | null {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return `${label}: must be an object with ${describe(declared)}`
  }
  const given = values as Record<string, unknown>
  for (const [name, { type }] of Object.entries(declared)) {
    if (!Object.hasOwn(given, name)) return `${label}.${name}: is required (${type})`
    const problem = typeProblem(type, given[name])
    if (problem) {
      return `${label}.${name}${problem.startsWith('[') ? '' : ': '}${problem} (${type})`
    }
  }
  const extra = Object.keys(given).find((name) => !Object.hasOwn(declared, name))
  if (extra !== undefined) {
    return `${label}.${extra}: is not a parameter of this action (it declares ${describe(declared)})`
  }
  return null
}

function describe(declared: ParamDeclarations): string {
  const names = Object.keys(declared)
  return names.length === 0 ? 'no parameters' : names.join(', ')
}
