// One adapter per entry point: it mounts the entry point inline in a container of its own,
// passes the recording callbacks (or listens to the DOM events), and reads the status the way an
// app using that entry point would.
import { createHumanosLink, createLinkController } from '@humanos-link/core'
import type { LinkCallbacks, LinkStatus } from '@humanos-link/core'
import { EMBED_EVENTS, defineHumanosLinkElement } from '@humanos-link/embed'
import { recordingCallbacks } from './trace.js'

/** What every entry point is given: the link, and where its callbacks go. */
export interface ContractInput {
  link: string
  trace: string[]
}

/** An entry point, mounted. */
export interface MountedFlow {
  /** Where its iframe renders (inline). */
  container: HTMLElement
  /** The status as the entry point reports it to an app. */
  status: () => LinkStatus
  /** Runs the ended flow again the entry point's way; whether it did. */
  restart: () => boolean
  unmount: () => void
}

export interface ContractAdapter {
  name: string
  mount: (input: ContractInput) => MountedFlow
}

function ownContainer(): HTMLElement {
  const container = document.createElement('div')
  document.body.append(container)
  return container
}

/** `createHumanosLink(options)`: the handle for script and vanilla users. */
export const handleAdapter: ContractAdapter = {
  name: 'createHumanosLink',
  mount({ link, trace }) {
    const container = ownContainer()
    const handle = createHumanosLink({ link, container, ...recordingCallbacks(trace) })
    return {
      container,
      status: () => handle.getState().status,
      restart: handle.restart,
      unmount: () => {
        handle.destroy()
        container.remove()
      },
    }
  },
}

/** `createLinkController()`: options pushed with `setOptions`, placed with `mount`. */
export const controllerAdapter: ContractAdapter = {
  name: 'createLinkController',
  mount({ link, trace }) {
    const container = ownContainer()
    const controller = createLinkController()
    controller.setOptions({ link, ...recordingCallbacks(trace) })
    const unmount = controller.mount(container)
    return {
      container,
      status: () => controller.getState().status,
      restart: controller.restart,
      unmount: () => {
        unmount()
        controller.destroy()
        container.remove()
      },
    }
  },
}

// Each `humanos-link:*` event, back to the callback it stands for.
const EVENT_CALLBACKS = {
  [EMBED_EVENTS.READY]: 'onReady',
  [EMBED_EVENTS.DECISION]: 'onDecision',
  [EMBED_EVENTS.SUCCESS]: 'onSuccess',
  [EMBED_EVENTS.EXIT]: 'onExit',
  [EMBED_EVENTS.ERROR]: 'onError',
  [EMBED_EVENTS.EVENT]: 'onEvent',
} as const satisfies Record<string, keyof LinkCallbacks>

/** `<humanos-link link="…">`: attributes in, `humanos-link:*` events out. */
export const elementAdapter: ContractAdapter = {
  name: '<humanos-link>',
  mount({ link, trace }) {
    defineHumanosLinkElement()
    const element = document.createElement('humanos-link')
    const callbacks = recordingCallbacks(trace)
    for (const [type, callback] of Object.entries(EVENT_CALLBACKS)) {
      // `onReady`'s event carries `null`; the callback takes nothing.
      element.addEventListener(type, (event) =>
        (callbacks[callback] as (detail?: unknown) => void)(
          (event as CustomEvent).detail ?? undefined,
        ),
      )
    }
    element.setAttribute('link', link)
    document.body.append(element)
    return {
      container: element,
      status: () => element.status,
      restart: () => element.restart(),
      unmount: () => element.remove(),
    }
  },
}
