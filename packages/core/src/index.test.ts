import { describe, expect, it } from 'vitest'

describe('importing the package under Node', () => {
  it('has no side effects and does not throw', async () => {
    const globalsBefore = Object.keys(globalThis).sort()
    const core = await import('./index.js')
    expect(Object.keys(globalThis).sort()).toEqual(globalsBefore)
    expect(typeof core.createHumanosLink).toBe('function')
    expect(Object.isFrozen(core.ErrorCodes)).toBe(true)
  })

  it('explains that createHumanosLink needs a browser', async () => {
    const { createHumanosLink } = await import('./index.js')
    expect(() =>
      createHumanosLink({ link: 'https://app.humanos.id/link/a', mode: 'modal' }),
    ).toThrow(/needs a browser/)
  })
})
