import { describe, expect, it } from 'vitest'
import { buildFrameUrl, parseLink } from './frameUrl.js'

const publicKey = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE+/abc=='

describe('parseLink', () => {
  it('takes the origin and the last path segment as the session id', () => {
    expect(parseLink('https://app.humanos.id/link/abc123')).toMatchObject({
      origin: 'https://app.humanos.id',
      sessionId: 'abc123',
    })
    expect(parseLink('http://127.0.0.1:4010/link/s1/?x=1').sessionId).toBe('s1')
  })

  it('rejects missing, relative, insecure and session-less links with a TypeError that says why', () => {
    expect(() => parseLink(undefined)).toThrow(/`link` is required/)
    expect(() => parseLink('')).toThrow(/`link` is required/)
    expect(() => parseLink('/link/abc')).toThrow(/absolute URL/)
    expect(() => parseLink('http://app.humanos.id/link/abc')).toThrow(/must use https/)
    expect(() => parseLink('javascript:alert(1)')).toThrow(TypeError)
    expect(() => parseLink('https://app.humanos.id/')).toThrow(/must be a Link URL/)
    // Only `/link/<id>`: another page of the Link origin is no Link URL.
    expect(() => parseLink('https://app.humanos.id/settings/profile')).toThrow(
      /https:\/\/app\.humanos\.id\/link\/<id>.*"\/settings\/profile"/,
    )
    expect(() => parseLink('https://app.humanos.id/link/a/b')).toThrow(/must be a Link URL/)
    expect(() => parseLink('http://127.0.0.1:4010/link/%E0%A4%A')).toThrow(TypeError)
  })

  it('accepts http only for localhost and 127.0.0.1', () => {
    expect(() => parseLink('http://localhost:4010/link/a')).not.toThrow()
    expect(() => parseLink('http://127.0.0.1:4010/link/a')).not.toThrow()
    expect(() => parseLink('http://192.168.1.2/link/a')).toThrow(TypeError)
  })
})

describe('buildFrameUrl', () => {
  it('adds pubKey and postMessageOrigin, URL-encoded, keeping the existing query', () => {
    const src = buildFrameUrl('https://app.humanos.id/link/abc?ref=email', {
      publicKey,
      origin: 'https://shop.example',
      lang: 'PRT',
      mode: 'modal',
      theme: 'dark',
    })
    const url = new URL(src)
    expect(url.searchParams.get('ref')).toBe('email')
    expect(url.searchParams.get('pubKey')).toBe(publicKey)
    expect(url.searchParams.get('postMessageOrigin')).toBe('https://shop.example')
    expect(url.searchParams.get('lang')).toBe('PRT')
    expect(url.searchParams.get('mode')).toBe('modal')
    expect(url.searchParams.get('theme')).toBe('dark')
    expect(src).toContain('pubKey=MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE%2B%2Fabc%3D%3D')
  })

  it('leaves optional parameters out when not given', () => {
    const url = new URL(
      buildFrameUrl('https://app.humanos.id/link/abc', { publicKey, origin: 'https://a.example' }),
    )
    expect([...url.searchParams.keys()]).toEqual(['pubKey', 'postMessageOrigin'])
  })
})
