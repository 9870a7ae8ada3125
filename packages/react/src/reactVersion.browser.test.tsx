import { version } from 'react'
import { version as domVersion } from 'react-dom'
import { describe, expect, inject, it } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The React major the project's aliases load (vitest.config.ts). */
    reactMajor: number
  }
}

// The React browser tests run twice: project `browser` (React 19, the dev dependency) and
// `browser-react18` (React 18 aliased in). This checks each run has the React it claims.
describe('the React under test', () => {
  it('is the major version this project provides', () => {
    expect(version.split('.')[0]).toBe(String(inject('reactMajor')))
    expect(domVersion).toBe(version)
  })
})
