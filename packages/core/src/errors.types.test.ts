import { describe, expectTypeOf, it } from 'vitest'
import type { ErrorCode, ErrorCodes } from './errors.js'

// Checked by `tsc` (pnpm typecheck); at run time this is a no-op.
describe('ErrorCodes type', () => {
  it('names every code once, keyed by its upper-case name, and nothing else', () => {
    expectTypeOf<typeof ErrorCodes>().toEqualTypeOf<{
      readonly [C in ErrorCode as Uppercase<C>]: C
    }>()
  })
})
