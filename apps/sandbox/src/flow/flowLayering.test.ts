import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DOMAIN_STATUS } from '../http/domainStatus.js'
import { DomainCodes } from './domainError.js'

const here = path.dirname(fileURLToPath(import.meta.url))

describe('flow/ knows no HTTP', () => {
  it('imports nothing from http/, hono or HttpError', () => {
    for (const file of readdirSync(here).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    )) {
      const source = readFileSync(path.join(here, file), 'utf8')
      expect(source, file).not.toMatch(/from '\.\.\/http\/|from 'hono|HttpError/)
    }
  })

  it('has one HTTP status per domain code, in the one table', () => {
    expect(Object.keys(DOMAIN_STATUS).sort()).toEqual(Object.values(DomainCodes).sort())
  })
})
