import { describe, expect, it } from 'vitest'
import { hostnameOfHostHeader, isIpLiteral, isRebindingSafeHost } from './hostNames.js'

describe('the shared Host rule', () => {
  it('takes the host name out of a Host header', () => {
    expect(hostnameOfHostHeader(' LocalHost:4010 ')).toBe('localhost')
    expect(hostnameOfHostHeader('[::1]:4010')).toBe('[::1]')
    expect(hostnameOfHostHeader('example.com')).toBe('example.com')
  })

  it('counts only real IP literals as addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '192.168.1.20',
      '[::1]',
      '[fd00::2]',
    ]) {
      expect([ip, isIpLiteral(ip)]).toEqual([ip, true])
    }
    for (const name of [
      '999.999.999.999',
      '256.0.0.1',
      '127.0.0.01',
      '1.2.3',
      '1.2.3.4.5',
      '[::1',
      '[not-an-ip]',
      '[::g]',
      '127.0.0.1.attacker.example',
    ]) {
      expect([name, isIpLiteral(name)]).toEqual([name, false])
    }
  })

  it('allows loopback names, IP literals and the known names only', () => {
    const known = new Set(['sandbox.dev.example'])
    expect(isRebindingSafeHost('app.localhost', known)).toBe(true)
    expect(isRebindingSafeHost('sandbox.dev.example', known)).toBe(true)
    expect(isRebindingSafeHost('999.999.999.999', known)).toBe(false)
    expect(isRebindingSafeHost('localhost.attacker.example', known)).toBe(false)
  })
})
