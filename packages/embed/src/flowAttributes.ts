import type { LinkMode, LinkTheme } from '@humanos-link/core'

/** The flow options that can be written as HTML attributes, checked and normalised. */
export interface FlowAttributes {
  /** The Link URL, or `null` when none is set yet (nothing is mounted then). */
  link: string | null
  mode: LinkMode
  lang?: string
  theme?: LinkTheme
  allowCamera: boolean
}

/** The attribute names, without any prefix; `link` is the Link URL. */
export const FLOW_ATTRIBUTES = ['link', 'mode', 'lang', 'theme', 'allow-camera'] as const
export type FlowAttributeName = (typeof FLOW_ATTRIBUTES)[number]

const warn = (message: string) => console.warn(`Humanos Link: ${message}`)

/**
 * Reads the flow options from attributes (`get` maps a name of {@link FLOW_ATTRIBUTES} to the
 * attribute's value or `null`). Like HTML's own enumerated attributes, an invalid `mode`,
 * `lang` or `theme` falls back to its default, with a console warning naming the value, so a
 * typo never reaches the frame's URL. `allow-camera` is on when present, unless it is "false".
 * The link itself is checked by the core when the flow is created.
 */
export function readFlowAttributes(
  get: (name: FlowAttributeName) => string | null,
): FlowAttributes {
  const link = get('link')?.trim() || null
  const attributes: FlowAttributes = { link, mode: 'inline', allowCamera: false }

  const mode = get('mode')?.trim().toLowerCase()
  if (mode === 'modal') attributes.mode = 'modal'
  else if (mode && mode !== 'inline')
    warn(`mode "${mode}" is not "inline" or "modal"; using inline.`)

  const lang = get('lang')?.trim().toUpperCase()
  if (lang && /^[A-Z]{3}$/.test(lang)) attributes.lang = lang
  else if (lang) warn(`lang "${lang}" is not a three-letter code such as ENG; ignored.`)

  const theme = get('theme')?.trim().toLowerCase()
  if (theme === 'light' || theme === 'dark') attributes.theme = theme
  else if (theme) warn(`theme "${theme}" is not "light" or "dark"; ignored.`)

  const camera = get('allow-camera')
  attributes.allowCamera = camera !== null && camera.trim().toLowerCase() !== 'false'
  return attributes
}

/** True when two readings would create the same flow. */
export function sameFlowAttributes(a: FlowAttributes, b: FlowAttributes): boolean {
  return (
    a.link === b.link &&
    a.mode === b.mode &&
    a.lang === b.lang &&
    a.theme === b.theme &&
    a.allowCamera === b.allowCamera
  )
}
