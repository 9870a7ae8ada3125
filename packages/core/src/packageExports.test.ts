import { readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Our packages point a workspace-only export condition at their TypeScript sources, so the
// monorepo runs from `src` without a build. A consumer must never land there by accident: a
// condition as common as `source` (set by some toolchains) would type-check and bundle our raw
// sources from node_modules instead of the published build.
const root = path.resolve(import.meta.dirname, '../../..')
const consumer = path.join(root, 'consumer.ts')

function resolveWith(customConditions: string[], specifier: string): string | undefined {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions,
  }
  return ts.resolveModuleName(specifier, consumer, options, ts.sys).resolvedModule?.resolvedFileName
}

const STANDARD = new Set(['types', 'import', 'require', 'default'])

const specifiers = [
  '@humanos-link/core',
  '@humanos-link/core/protocol',
  '@humanos-link/react',
  '@humanos-link/embed',
  '@humanos-link/server',
]

describe('the workspace source condition', () => {
  it.each(specifiers)('%s: a consumer with customConditions ["source"] gets no sources', (name) => {
    const resolved = resolveWith(['source'], name)
    expect(resolved ?? '').not.toMatch(/\/src\//)
  })

  it.each(specifiers)('%s: the workspace condition does resolve src (the control)', (name) => {
    expect(resolveWith(['@humanos-link/source'], name)).toMatch(/\/src\/.*index\.ts$/)
  })

  it('is the only non-standard condition in the published export maps', () => {
    for (const pkg of ['core', 'react', 'embed', 'server']) {
      const file = path.join(root, 'packages', pkg, 'package.json')
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { exports: object }
      for (const entry of Object.values(manifest.exports)) {
        if (typeof entry !== 'object' || !entry) continue
        const custom = Object.keys(entry).filter((key) => !STANDARD.has(key))
        expect(custom, `${pkg}: ${JSON.stringify(entry)}`).toEqual(['@humanos-link/source'])
      }
    }
  })
})
