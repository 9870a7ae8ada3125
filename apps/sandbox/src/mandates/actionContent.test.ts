import { describe, expect, it } from 'vitest'
import vectors from '../testing/specVectors.json'
import { actionContentSchema, actionDigestSRI } from './actionContent.js'
import { paramsProblem } from './actionParams.js'

const vector = vectors.actionDigest

describe('action content', () => {
  it('digests the vector content to the exact vector digestSRI', () => {
    expect(actionDigestSRI(vector.content)).toBe(vector.digestSRI)
    // The schema keeps the content as written: the digest of the parsed content is the same.
    expect(actionDigestSRI(actionContentSchema.parse(vector.content))).toBe(vector.digestSRI)
  })

  it('changes the digest when one limit changes', () => {
    const changed = structuredClone(vector.content)
    changed.userParams.maxAmount.type = 'integer'
    expect(actionDigestSRI(changed)).not.toBe(vector.digestSRI)
  })

  it('refuses unknown parameter types, bad names and repeated rule names', () => {
    const bad = (content: unknown) => actionContentSchema.safeParse(content).success
    expect(bad({ name: 'x', userParams: { a: { type: 'float' } } })).toBe(false)
    expect(bad({ name: 'x', userParams: { 'max-amount': { type: 'number' } } })).toBe(false)
    expect(bad({ name: 'x', userParams: { in: { type: 'number' } } })).toBe(false)
    expect(bad({ name: 'x', extra: true })).toBe(false)
    const rule = { name: 'r', expression: 'true' }
    expect(bad({ name: 'x', rules: [rule, rule] })).toBe(false)
    expect(bad({ name: 'x', rules: [rule] })).toBe(true)
  })
})

describe('parameter values', () => {
  const declared = actionContentSchema.parse({
    name: 'x',
    userParams: {
      s: { type: 'string' },
      n: { type: 'number' },
      i: { type: 'integer' },
      b: { type: 'boolean' },
      tags: { type: 'array<string>' },
      nums: { type: 'array<number>' },
    },
  }).userParams
  const good = { s: 'a', n: 1.5, i: 2, b: false, tags: ['x'], nums: [1, 2.5] }

  it('accepts every declared parameter of its type', () => {
    expect(paramsProblem(declared, good, 'userParams')).toBeNull()
  })

  it('names the parameter and what was wrong', () => {
    const check = (change: Record<string, unknown>) =>
      paramsProblem(declared, { ...good, ...change }, 'userParams')
    expect(check({ s: 1 })).toBe('userParams.s: must be a string (string)')
    expect(check({ n: '1' })).toBe('userParams.n: must be a number (number)')
    expect(check({ i: 1.5 })).toBe('userParams.i: must be a whole number (an integer) (integer)')
    expect(check({ b: 'true' })).toBe('userParams.b: must be true or false (boolean)')
    expect(check({ tags: ['x', 2] })).toBe('userParams.tags[1]: must be a string (array<string>)')
    expect(check({ nums: 'x' })).toBe(
      'userParams.nums: must be an array of numbers (array<number>)',
    )
    expect(check({ extra: 1 })).toMatch(/^userParams\.extra: is not a parameter of this action/)
    const { n: _omitted, ...missing } = good
    expect(paramsProblem(declared, missing, 'userParams')).toBe(
      'userParams.n: is required (number)',
    )
    expect(paramsProblem(declared, [], 'userParams')).toMatch(/^userParams: must be an object/)
  })
})
