import { describe, expectTypeOf, it } from 'vitest'
import type { HumanosLinkError } from './errors.js'
import type {
  HumanosLinkHandle,
  HumanosLinkOptions,
  LinkCallbacks,
  LinkControllerOptions,
} from './options.js'
import type { LinkResultPayload } from './payload.js'
import type { ExitReason } from './protocol/constants.js'

// Checked by `tsc` (pnpm typecheck); at run time these are no-ops.
describe('public option types', () => {
  it('makes a missing container in inline mode a compile error', () => {
    const container = {} as HTMLElement
    expectTypeOf({ link: 'l', container }).toExtend<HumanosLinkOptions>()
    expectTypeOf({ link: 'l', mode: 'modal' as const }).toExtend<HumanosLinkOptions>()
    expectTypeOf({ link: 'l' }).not.toExtend<HumanosLinkOptions>()
    expectTypeOf({ link: 'l', mode: 'inline' as const }).not.toExtend<HumanosLinkOptions>()
  })

  it('types the callbacks, with a readonly array for onSuccess', () => {
    expectTypeOf<NonNullable<LinkCallbacks['onSuccess']>>().parameters.toEqualTypeOf<
      [decisions: readonly LinkResultPayload[]]
    >()
    expectTypeOf<NonNullable<LinkCallbacks['onExit']>>().parameter(0).toEqualTypeOf<ExitReason>()
    expectTypeOf<NonNullable<LinkCallbacks['onError']>>()
      .parameter(0)
      .toEqualTypeOf<HumanosLinkError>()
  })

  it('accepts an explicit undefined for every optional option (exactOptionalPropertyTypes)', () => {
    expectTypeOf({
      link: undefined,
      mode: undefined,
      open: undefined,
      lang: undefined,
      theme: undefined,
      allowCamera: undefined,
      loadTimeoutMs: undefined,
      autoResize: undefined,
      keyPair: undefined,
      title: undefined,
      onSuccess: undefined,
      onError: undefined,
    }).toExtend<LinkControllerOptions>()
  })

  it('gives the handle restart() returning whether it restarted', () => {
    expectTypeOf<HumanosLinkHandle['restart']>().returns.toEqualTypeOf<boolean>()
  })
})
