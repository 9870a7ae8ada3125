import { describe, expect, it } from 'vitest'
import { matches, matchesExactly } from './shape.js'
import type { Rule } from './shape.js'

describe('matches', () => {
  const cases: [Rule, unknown[], unknown[]][] = [
    ['string', ['', 'a'], [1, null, undefined, ['a']]],
    ['string?', ['a', undefined], [null, 1]],
    ['number', [0, -1.5], [NaN, Infinity, '1', null]],
    ['boolean', [true, false], [0, 'true']],
    ['object', [{}, { a: 1 }], [null, [], 'x']],
    ['object?', [{}, undefined], [null, []]],
    ['array', [[], [1]], [{}, 'ab']],
    [
      ['accept', 'reject'],
      ['accept', 'reject'],
      ['Accept', undefined],
    ],
    [/^a+$/, ['a', 'aa'], ['b', ['a'], 1]],
    [(value: unknown) => value === 7, [7], [8]],
    [
      { a: 'string', b: { c: [1] } },
      [
        { a: 'x', b: { c: 1 } },
        { a: 'x', b: { c: 1 }, extra: 0 },
      ],
      [{ a: 'x' }, { a: 'x', b: { c: 2 } }, [], null],
    ],
  ]
  it.each(cases)('rule %s', (rule, good, bad) => {
    for (const value of good) expect(matches(value, rule), String(value)).toBe(true)
    for (const value of bad) expect(matches(value, rule), String(value)).toBe(false)
  })
})

describe('matchesExactly', () => {
  it('rejects a field the shape does not name, and inherited names', () => {
    expect(matchesExactly({ a: 'x' }, { a: 'string' })).toBe(true)
    expect(matchesExactly({ a: 'x', b: 1 }, { a: 'string' })).toBe(false)
    expect(matchesExactly({ a: 'x', toString: 1 }, { a: 'string' })).toBe(false)
    expect(matchesExactly({}, { a: 'string?' })).toBe(true)
  })
})
