import type { CSSProperties } from 'react'
import type { LinkMode } from '@humanos-link/core'
import { useHumanosLink } from './useHumanosLink.js'
import type { UseHumanosLinkOptions } from './useHumanosLink.js'

/** Props of {@link HumanosLink}: the hook's options plus where and how to render. */
export interface HumanosLinkProps extends Omit<UseHumanosLinkOptions, 'mode' | 'open'> {
  /**
   * `inline` (default): the frame renders in this component's own container and follows the
   * flow's height. `modal`: the frame opens in an overlay over the page.
   */
  mode?: LinkMode | undefined
  /**
   * Modal mode: the overlay shows while the component is mounted; pass `open` to control it
   * instead (it shows while `open` is true). Ignored inline.
   */
  open?: boolean | undefined
  /** Class of the inline container. */
  className?: string | undefined
  /** Style of the inline container. */
  style?: CSSProperties | undefined
}

/**
 * The Humanos approval flow as a component. Renders its container (on the server too, where it
 * renders nothing else); in the browser the frame is created after mount, and destroyed on
 * unmount or when `link` changes. Callback props can change freely without reloading the frame.
 *
 * @example
 * <HumanosLink link={link} onSuccess={(decisions) => save(decisions)} onError={showError} />
 */
export function HumanosLink(props: HumanosLinkProps) {
  const { className, style, mode = 'inline', open, ...options } = props
  const flow = useHumanosLink({
    ...options,
    mode,
    open: mode === 'modal' ? (open ?? true) : undefined,
  })
  if (mode === 'modal') return null
  return (
    <div
      ref={flow.containerRef}
      className={className}
      style={style}
      data-humanos-link-status={flow.status}
    />
  )
}
