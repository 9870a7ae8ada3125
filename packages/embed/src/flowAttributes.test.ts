import { afterEach, describe, expect, it, vi } from 'vitest'
import { readFlowAttributes } from './flowAttributes.js'
import type { FlowAttributeName } from './flowAttributes.js'

const read = (attributes: Partial<Record<FlowAttributeName, string>>) =>
  readFlowAttributes((name) => attributes[name] ?? null)

afterEach(() => {
  vi.restoreAllMocks()
})

describe('readFlowAttributes', () => {
  it('defaults to an inline flow without camera, lang or theme', () => {
    expect(read({ link: ' https://app.humanos.id/link/abc ' })).toEqual({
      link: 'https://app.humanos.id/link/abc',
      mode: 'inline',
      allowCamera: false,
    })
  })

  it('treats a missing or blank link as "not configured yet"', () => {
    expect(read({}).link).toBeNull()
    expect(read({ link: '   ' }).link).toBeNull()
  })

  it('normalises case and accepts every valid value', () => {
    expect(read({ mode: 'MODAL', lang: 'prt', theme: 'Dark' })).toMatchObject({
      mode: 'modal',
      lang: 'PRT',
      theme: 'dark',
    })
  })

  it('turns allow-camera on when present, unless it says false', () => {
    expect(read({ 'allow-camera': '' }).allowCamera).toBe(true)
    expect(read({ 'allow-camera': 'allow-camera' }).allowCamera).toBe(true)
    expect(read({ 'allow-camera': 'FALSE' }).allowCamera).toBe(false)
  })

  it('drops invalid values and warns about each one by name', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const attributes = read({ mode: 'popup', lang: 'english', theme: 'sepia' })
    expect(attributes).toEqual({ link: null, mode: 'inline', allowCamera: false })
    expect(warn).toHaveBeenCalledTimes(3)
    // Each value as the author wrote it (not upper-cased), so it can be found in the markup.
    expect(warn.mock.calls.flat().join('\n')).toMatch(
      /mode="popup"[\s\S]*lang="english"[\s\S]*theme="sepia"/,
    )
  })
})
