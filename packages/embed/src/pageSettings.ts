/**
 * The page-wide settings of this copy of the embed, set once by `installHumanosLink` (the
 * script tag passes its `data-link-origins`) and read by every `<humanos-link>`, every
 * auto-mounted element and `HumanosLink.create`. Markup cannot change them: an element's own
 * attributes never widen where a frame may come from (see the README).
 */
export const pageSettings: { linkOrigins?: readonly string[] | undefined } = {}
