import { build } from 'vite'
import type { Rolldown } from 'vite'
import { describe, expect, it } from 'vitest'

describe('library build', () => {
  it("keeps 'use client' on top of dist/index.js and leaves React, zustand and core external", async () => {
    const configFile = new URL('../vite.config.ts', import.meta.url).pathname
    // Vitest sets NODE_ENV=test, which would select React's development JSX runtime.
    const nodeEnv = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    const result = await build({ configFile, logLevel: 'silent', build: { write: false } }).finally(
      () => {
        process.env.NODE_ENV = nodeEnv
      },
    )
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
    const entry = outputs[0]?.output.find((file) => file.type === 'chunk' && file.isEntry)
    expect(entry?.fileName).toBe('index.js')
    const code = entry?.type === 'chunk' ? entry.code : ''
    expect(code.split('\n')[0]).toMatch(/^["']use client["'];?$/)
    const imports = [...code.matchAll(/^import .* from ["']([^"']+)["'];?$/gm)].map((m) => m[1])
    expect(imports.sort()).toEqual(['@humanos-link/core', 'react', 'react/jsx-runtime', 'zustand'])
    // Nothing of React, zustand or the core was bundled in.
    expect(code).not.toContain('require')
    expect(code).not.toContain('useSyncExternalStore')
    expect(code).not.toContain('generateKey')
  }, 30_000)
})
