// The entry of the script-tag build (dist/humanos-link.js). It exports nothing, so the IIFE
// declares no global of its own: `window.HumanosLink` is set once, by installHumanosLink.
import { installHumanosLink } from './installHumanosLink.js'

if (typeof window !== 'undefined') {
  // The running <script> element, read while it runs. Markup can clobber
  // `document.currentScript` (`<img name="currentScript">`), so only a real script element's
  // `data-link-origins` counts; a clobbered one leaves the core's default.
  // Origins separated by spaces or commas; empty or absent leaves the default.
  const script = document.currentScript
  const origins =
    script instanceof HTMLScriptElement
      ? script.dataset.linkOrigins?.split(/[\s,]+/).filter(Boolean)
      : undefined
  installHumanosLink(window, { linkOrigins: origins?.length ? origins : undefined })
}
