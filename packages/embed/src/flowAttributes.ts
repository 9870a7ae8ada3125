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

// The attributes with a fixed set of values: the pattern a value must match once trimmed and
// case-normalised, and the valid values as the console warning tells them to the page's author.
const ENUMERATED: [name: 'mode' | 'lang' | 'theme', valid: RegExp, expected: string][] = [
  ['mode', /^(inline|modal)$/, 'inline or modal'],
  ['lang', /^[A-Z]{3}$/, 'a code like ENG'],
  ['theme', /^(light|dark)$/, 'light or dark'],
]

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
  const attributes: FlowAttributes = {
    link: get('link')?.trim() || null,
    mode: 'inline',
    // Absent is off, like "false".
    allowCamera: (get('allow-camera') ?? 'false').trim().toLowerCase() !== 'false',
  }
  for (const [name, valid, expected] of ENUMERATED) {
    const given = get(name)
    const raw = given?.trim()
    if (!raw) continue
    // Language codes are upper case (ENG), the other values lower case; authors may write either.
    const value = name === 'lang' ? raw.toUpperCase() : raw.toLowerCase()
    // The pattern has just checked that the value is one the field's type allows.
    if (valid.test(value)) (attributes as Record<typeof name, string>)[name] = value
    // The value as the page's author wrote it, so they can find it in their markup.
    else console.warn(`Humanos Link: ${name}="${given}" ignored; use ${expected}.`)
  }
  return attributes
}
