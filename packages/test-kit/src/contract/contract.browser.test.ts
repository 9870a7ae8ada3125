// One contract, five entry points: every scenario of CONTRACT_SCENARIOS runs through every
// adapter, in Chromium, against the kit's fake Link frame, and each must record the same trace.
import { afterEach, describe, expect, inject, it, vi } from 'vitest'
import { linkUrl } from '../origins.js'
import { controllerAdapter, elementAdapter, handleAdapter } from './adapters.js'
import type { ContractAdapter, MountedFlow } from './adapters.js'
import { componentAdapter, hookAdapter, reactVersion } from './reactAdapters.js'
import { CONTRACT_SCENARIOS, contractDriver } from './scenarios.js'

const ADAPTERS: readonly ContractAdapter[] = [
  handleAdapter,
  controllerAdapter,
  componentAdapter,
  hookAdapter,
  elementAdapter,
]

let mounted: MountedFlow | undefined
afterEach(() => {
  mounted?.unmount()
  mounted = undefined
  vi.useRealTimers()
  vi.restoreAllMocks()
})

declare module 'vitest' {
  export interface ProvidedContext {
    /** The React major the project's aliases load (vitest.config.ts). */
    reactMajor: number
  }
}

// Projects `browser` (React 19) and `browser-react18` both run this file.
it('renders the React entry points with the React the project provides', () => {
  expect(reactVersion.split('.')[0]).toBe(String(inject('reactMajor')))
})

const slug = (text: string) => text.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)

describe.each(ADAPTERS)('the entry point $name', (adapter) => {
  it.each(CONTRACT_SCENARIOS)('$name', async (scenario) => {
    // The element warns on the console for a bad link; the contract is about what apps receive.
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    if (scenario.fakeTimers) vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const trace: string[] = []
    const link = scenario.link ?? linkUrl(`${slug(adapter.name)}-${slug(scenario.name)}`)
    mounted = adapter.mount({ link, trace })
    try {
      await scenario.run(contractDriver(mounted, trace))
    } catch (error) {
      // A checkpoint that never came: show what the entry point did report.
      throw new Error(`${(error as Error).message}\nTrace so far:\n  ${trace.join('\n  ')}`, {
        cause: error,
      })
    }
    expect(trace).toEqual(scenario.trace)
  })
})
