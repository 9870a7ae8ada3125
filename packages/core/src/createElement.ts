/**
 * Creates an element of the page's `document` with attributes and styles. Styles go through CSSOM (`style.cssText`),
 * never a `style` attribute, so a host page's CSP needs no `'unsafe-inline'` for them.
 */
export function createElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  css = '',
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const name in attributes) element.setAttribute(name, attributes[name]!)
  element.style.cssText = css
  return element
}
