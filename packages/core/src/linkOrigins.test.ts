import { describe, expect, it } from 'vitest'
import { HUMANOS_LINK_ORIGIN, isAllowedLinkOrigin } from './linkOrigins.js'
import { validateOptions } from './validateOptions.js'

const url = (link: string) => new URL(link)

describe('isAllowedLinkOrigin', () => {
  it('allows only the production Link origin by default on a deployed page', () => {
    expect(HUMANOS_LINK_ORIGIN).toBe('https://app.humanos.id')
    expect(
      isAllowedLinkOrigin(url('https://app.humanos.id/link/a'), undefined, 'shop.example'),
    ).toBe(true)
    for (const hostile of [
      'https://evil.example/link/a',
      'https://app.humanos.id.evil.example/link/a',
      'https://app.humanos.id:8443/link/a',
      // A deployed page's default lets no local service in: a visitor's loopback is not ours.
      'http://localhost:4010/link/a',
      'http://127.0.0.1:4010/link/a',
      'http://[::1]:4010/link/a',
    ]) {
      expect(isAllowedLinkOrigin(url(hostile), undefined, 'shop.example'), hostile).toBe(false)
    }
  })

  it('adds every loopback origin to the default only while the page is itself on loopback', () => {
    for (const page of ['localhost', '127.0.0.1', '[::1]']) {
      for (const frame of ['http://127.0.0.1:4010', 'http://localhost:9', 'https://[::1]:8443']) {
        expect(isAllowedLinkOrigin(url(`${frame}/link/a`), undefined, page)).toBe(true)
      }
      expect(isAllowedLinkOrigin(url('https://evil.example/link/a'), undefined, page)).toBe(false)
    }
  })

  it('replaces the default with linkOrigins, compared exactly', () => {
    const pinned = ['https://link.example', 'http://localhost:4010']
    expect(isAllowedLinkOrigin(url('https://link.example/link/a'), pinned, 'shop.example')).toBe(
      true,
    )
    expect(isAllowedLinkOrigin(url('http://localhost:4010/link/a'), pinned, 'localhost')).toBe(true)
    // The pin is the whole list: neither production nor other loopback ports come back.
    expect(isAllowedLinkOrigin(url('https://app.humanos.id/link/a'), pinned, 'localhost')).toBe(
      false,
    )
    expect(isAllowedLinkOrigin(url('http://localhost:4011/link/a'), pinned, 'localhost')).toBe(
      false,
    )
    expect(isAllowedLinkOrigin(url('http://127.0.0.1:4010/link/a'), pinned, 'localhost')).toBe(
      false,
    )
    expect(isAllowedLinkOrigin(url('https://link.example/link/a'), [], 'localhost')).toBe(false)
  })
})

describe('the linkOrigins option', () => {
  it('must be a list of exact origins, said with an example', () => {
    for (const bad of [
      'https://app.humanos.id',
      ['https://app.humanos.id/'],
      ['https://app.humanos.id/link'],
      ['http://localhost:*'],
      ['app.humanos.id'],
      [42],
    ]) {
      expect(() => validateOptions({ linkOrigins: bad }, 'createLinkController')).toThrow(
        /`linkOrigins` must be an array of exact origins, like \["https:\/\/app\.humanos\.id"/,
      )
    }
    expect(() =>
      validateOptions(
        { linkOrigins: ['https://app.humanos.id', 'http://[::1]:4010'] },
        'createLinkController',
      ),
    ).not.toThrow()
  })
})
