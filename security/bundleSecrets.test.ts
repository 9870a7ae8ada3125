// No built bundle carries a secret: every file of every package build, of the demo's web build
// and of the static Storybook is searched for the configured API key, request signature secret
// and webhook secrets (as they are, base64-encoded and URL-encoded). The test command builds
// them all before Vitest runs; a missing build is a failure, not a pass.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { secretsIn } from './support/secrets.js'

const ROOT = path.resolve(import.meta.dirname, '..')

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (name === 'node_modules') return []
    return statSync(file).isDirectory() ? filesUnder(file) : [file]
  })
}

const BUILDS = [
  ...readdirSync(path.join(ROOT, 'packages')).map((name) => path.join('packages', name, 'dist')),
  'apps/demo/dist',
  'storybook-static',
]
// The builds a browser loads: these must exist, or the search proves nothing.
const REQUIRED = [
  'packages/core/dist/index.js',
  'packages/embed/dist/humanos-link.js',
  'apps/demo/dist/index.html',
]

describe('built bundles', () => {
  it('carry no API key, signature secret or webhook secret', () => {
    for (const file of REQUIRED) {
      expect(existsSync(path.join(ROOT, file)), `${file} is missing: run pnpm -r build`).toBe(true)
    }
    const files = BUILDS.flatMap((dir) => filesUnder(path.join(ROOT, dir)))
    const found: string[] = []
    for (const file of files) {
      const text = readFileSync(file).toString('latin1')
      for (const needle of secretsIn(text)) found.push(`${path.relative(ROOT, file)}: ${needle}`)
    }
    expect(found).toEqual([])
    expect(files.length).toBeGreaterThan(20)
  })
})
