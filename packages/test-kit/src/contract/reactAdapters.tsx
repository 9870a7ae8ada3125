// The React entry points as contract adapters: `<HumanosLink>` and `useHumanosLink`, rendered
// with a plain `createRoot` (no testing library: the suite waits for conditions itself).
import { version } from 'react'
import type { ReactElement } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import type { LinkStatus } from '@humanos-link/core'
import { HumanosLink, useHumanosLink } from '@humanos-link/react'
import type { UseHumanosLinkResult } from '@humanos-link/react'
import type { ContractAdapter, ContractInput, MountedFlow } from './adapters.js'
import { recordingCallbacks } from './trace.js'

/** The React these adapters render with (the `browser-react18` project aliases React 18 in). */
export const reactVersion = version

function render(element: (attempt: number) => ReactElement) {
  const host = document.createElement('div')
  document.body.append(host)
  const root = createRoot(host)
  let attempt = 0
  const draw = () => flushSync(() => root.render(element(attempt)))
  draw()
  return {
    host,
    /** Renders again with a new `key`: a fresh component, as an app remounts one. */
    remount: () => {
      attempt++
      draw()
    },
    unmount: () => {
      root.unmount()
      host.remove()
    },
  }
}

/**
 * `<HumanosLink link={…} on…={…} />`. The status is what the component exposes, its
 * container's `data-humanos-link-status`. The component has no `restart()`: an app runs a flow
 * again by mounting a new one (a new `key`), which the adapter does.
 */
export const componentAdapter: ContractAdapter = {
  name: '<HumanosLink>',
  mount({ link, trace }: ContractInput): MountedFlow {
    const callbacks = recordingCallbacks(trace)
    const view = render((attempt) => <HumanosLink key={attempt} link={link} {...callbacks} />)
    const box = () => view.host.querySelector<HTMLElement>('[data-humanos-link-status]')
    return {
      container: view.host,
      status: () => (box()?.dataset.humanosLinkStatus ?? 'missing') as LinkStatus,
      restart: () => {
        view.remount()
        return true
      },
      unmount: view.unmount,
    }
  },
}

/** `useHumanosLink({ link, mode: 'inline', on… })` in an app component that renders its box. */
export const hookAdapter: ContractAdapter = {
  name: 'useHumanosLink',
  mount({ link, trace }: ContractInput): MountedFlow {
    const callbacks = recordingCallbacks(trace)
    let latest: UseHumanosLinkResult | undefined
    function App() {
      const flow = useHumanosLink({ link, mode: 'inline', ...callbacks })
      latest = flow
      return <div ref={flow.containerRef} />
    }
    const view = render(() => <App />)
    return {
      container: view.host,
      status: () => latest!.status,
      restart: () => latest!.restart(),
      unmount: view.unmount,
    }
  },
}
