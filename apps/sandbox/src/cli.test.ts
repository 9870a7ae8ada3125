import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { flagFor, helpText, parseCli } from './cli.js'
import { loadSandboxConfig, SANDBOX_ENV_NAMES } from './config.js'

describe('the sandbox command line', () => {
  it('names each flag after its environment variable', () => {
    expect(flagFor('PORT')).toBe('port')
    expect(flagFor('SANDBOX_DATA')).toBe('data')
    expect(flagFor('SANDBOX_OTP_TTL_SECONDS')).toBe('otp-ttl-seconds')
  })

  it('has a flag for every setting, and a flag wins over the environment', () => {
    const request = parseCli(
      ['--port', '0', '--data=:memory:', '--allowed-origins', 'http://localhost:3000'],
      { PORT: '4010', SANDBOX_API_KEY: 'from-env' },
    )
    expect(request.kind).toBe('start')
    if (request.kind !== 'start') return
    const config = loadSandboxConfig(request.env)
    expect(config).toMatchObject({
      port: 0,
      dataFile: ':memory:',
      apiKey: 'from-env',
      allowedOrigins: ['http://localhost:3000'],
    })
    for (const name of SANDBOX_ENV_NAMES) expect(helpText()).toContain(`--${flagFor(name)} `)
  })

  it('reads every variable of the README configuration table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const table = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('## The Humanos API'),
    )
    const documented = [...table.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1])
    expect(documented.length).toBeGreaterThan(10)
    expect([...SANDBOX_ENV_NAMES].sort()).toEqual(documented.sort())
  })

  it('refuses an unknown flag and points at --help', () => {
    expect(() => parseCli(['--prot', '1'], {})).toThrow(/--prot[\s\S]*--help/)
    expect(parseCli(['--help'], {}).kind).toBe('help')
    expect(parseCli(['--version'], {}).kind).toBe('version')
  })

  it('validates a flag as it validates the variable', () => {
    const request = parseCli(['--show-codes', 'maybe'], {})
    if (request.kind !== 'start') throw new Error('expected start')
    expect(() => loadSandboxConfig(request.env)).toThrow(/SANDBOX_SHOW_CODES/)
  })
})
