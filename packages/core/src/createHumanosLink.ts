import { DEV } from './dev.js'
import { misuse } from './errors.js'
import { createController } from './linkController.js'
import type { HumanosLinkHandle, HumanosLinkOptions } from './options.js'
import { validateOptions } from './validateOptions.js'

/**
 * Embeds the Humanos Link flow: creates the host key pair, mounts the iframe (inline into
 * `container`, or in a modal overlay shown by `open()`), and turns the frame's encrypted
 * messages into state changes and callbacks. A thin convenience over
 * {@link @humanos-link/core!createLinkController} for script and vanilla users: one link, mounted at once.
 *
 * @throws TypeError at once for misuse (no options, no `link` string, no container in inline
 *   mode, unknown mode...) or when called outside a browser. Runtime failures (a link that is
 *   not a Link URL, no Web Crypto, load timeout, a frame error, a result that does not decrypt)
 *   are not thrown: the flow moves to `failed` and `onError` receives a `HumanosLinkError`.
 */
export function createHumanosLink(options: HumanosLinkOptions): HumanosLinkHandle {
  if (DEV) validateOptions(options, 'createHumanosLink')
  const container = options.mode === 'modal' ? undefined : options.container
  // Development diagnostics: production bundles rely on the types (and fail on `document`
  // during server rendering anyway).
  if (DEV) {
    if (typeof document === 'undefined') {
      misuse(
        'createHumanosLink needs a browser. Call it from an effect or event handler, not during server rendering.',
      )
    }
    if (typeof options.link !== 'string' || !options.link.trim()) {
      misuse('`link` is required: pass the `link` your server got from POST /request.')
    }
    if (options.mode !== 'modal' && (container as Node | undefined)?.nodeType !== 1) {
      misuse(
        'inline mode needs `container`, the element to render the flow into (or use mode "modal").',
      )
    }
  }
  const [controller, flush] = createController(options)
  controller.mount(container)
  flush()
  const { setOptions: _setOptions, mount: _mount, ...handle } = controller
  return handle
}
