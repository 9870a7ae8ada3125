import { describe, expectTypeOf, it } from 'vitest'
import type { LinkResultPayload } from '@humanos-link/core'
import type { HumanosLinkProps } from './HumanosLink.js'
import type { UseHumanosLinkOptions, UseHumanosLinkResult } from './useHumanosLink.js'
import type { useHumanosLinkStatus } from './useHumanosLinkStatus.js'

// Checked by `tsc` (pnpm typecheck); at run time these are no-ops.
describe('React binding types', () => {
  it('takes a link that may still be missing, and explicit undefined options', () => {
    expectTypeOf({ link: null }).toExtend<UseHumanosLinkOptions>()
    expectTypeOf({
      link: undefined,
      mode: undefined,
      open: undefined,
      lang: undefined,
      onSuccess: undefined,
    }).toExtend<UseHumanosLinkOptions>()
    expectTypeOf({ link: 'l', className: undefined, style: undefined }).toExtend<HumanosLinkProps>()
  })

  it('hands onSuccess a readonly array and returns restart()', () => {
    expectTypeOf<NonNullable<UseHumanosLinkOptions['onSuccess']>>()
      .parameter(0)
      .toEqualTypeOf<readonly LinkResultPayload[]>()
    expectTypeOf<UseHumanosLinkResult['restart']>().returns.toEqualTypeOf<boolean>()
  })

  it('overloads useHumanosLinkStatus: the status, or what a selector picks', () => {
    expectTypeOf<typeof useHumanosLinkStatus>().toBeCallableWith()
    expectTypeOf<typeof useHumanosLinkStatus>().toBeCallableWith((s) => s.decisions.length)
  })
})
