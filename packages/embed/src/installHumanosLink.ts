import { ErrorCodes, HumanosLinkError, createHumanosLink } from '@humanos-link/core'
import type { HumanosLinkOptions } from '@humanos-link/core'
import { startAutoMount } from './autoMount.js'
import { defineHumanosLinkElement } from './humanosLinkElement.js'
import { pageSettings } from './pageSettings.js'
import { VERSION } from './version.js'

/** What the script tag puts on `window.HumanosLink`. */
export interface HumanosLinkGlobal {
  /** The core's `createHumanosLink`: same options, same handle; `linkOrigins` defaults to the page's. */
  readonly create: typeof createHumanosLink
  /** Every error code, to compare with `error.code`. */
  readonly ErrorCodes: typeof ErrorCodes
  /** The class of every runtime error (`error instanceof HumanosLink.HumanosLinkError`). */
  readonly HumanosLinkError: typeof HumanosLinkError
  /** The version of the script. */
  readonly version: string
}

/** Options of {@link installHumanosLink}. */
export interface InstallOptions {
  /**
   * The page's Link origins (the core's `linkOrigins`), for every `<humanos-link>`, every
   * `data-humanos-link` element and `create()`: the script tag's `data-link-origins`. Leave it
   * out for the default (`https://app.humanos.id`, plus loopback origins on a loopback page).
   */
  linkOrigins?: readonly string[] | undefined
}

declare global {
  interface Window {
    HumanosLink?: HumanosLinkGlobal
  }
}

/**
 * What the script tag runs: defines `window.HumanosLink`, registers `<humanos-link>` and starts
 * auto-mounting `data-humanos-link` elements, all within `options.linkOrigins`. Once per window: when `HumanosLink` is already
 * there (the script loaded twice), it changes nothing and returns the existing global, so there
 * is one registration, one observer and one global.
 */
export function installHumanosLink(
  win: Window = window,
  options: InstallOptions = {},
): HumanosLinkGlobal {
  const existing = win.HumanosLink
  if (existing) {
    if (existing.version !== VERSION) {
      console.warn(
        `Humanos Link: ${existing.version} already loaded; this ${VERSION} copy does nothing.`,
      )
    }
    return existing
  }
  const { linkOrigins } = options
  pageSettings.linkOrigins = linkOrigins
  const api: HumanosLinkGlobal = Object.freeze({
    // The page's allowlist applies to script-made flows too, unless they pass their own.
    create: linkOrigins
      ? (flow: HumanosLinkOptions) => createHumanosLink({ linkOrigins, ...flow })
      : createHumanosLink,
    ErrorCodes,
    HumanosLinkError,
    version: VERSION,
  })
  win.HumanosLink = api
  defineHumanosLinkElement(win.customElements)
  startAutoMount(win.document)
  return api
}
