// Showing the page's steps, alerts and busy state. Every step is rendered on the server; the
// script only shows one at a time and fills in texts.

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)

/** `{name}` placeholders of a translated text, filled in. */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''))

export interface View {
  showAlert: (text: string) => void
  announce: (text: string) => void
  /** Shows step `name`; focus follows (unless `quiet`) and the host hears `STEP_VIEWED`. */
  show: (name: string, options?: { quiet?: boolean; title?: string; text?: string }) => void
  /** The done step with its title and text, and the redirect link on a standalone page. */
  showEnd: (title: string, text: string) => void
  busy: (on: boolean) => void
}

export function createView(options: {
  working: string
  redirectUrl: string | null
  onStepViewed: (step: string) => void
  reportHeight: () => void
}): View {
  const alertBox = $('#alert')
  const statusBox = $('#status')

  function showAlert(text: string) {
    if (!alertBox) return
    alertBox.textContent = text
    alertBox.hidden = !text
  }

  function announce(text: string) {
    if (statusBox) statusBox.textContent = text
  }

  // Focus follows the step only after the person has acted: moving focus into a frame on load
  // would steal it from the host page.
  const show: View['show'] = (name, { quiet = false, title, text } = {}) => {
    document.querySelectorAll<HTMLElement>('[data-step]').forEach((section) => {
      section.hidden = section.dataset.step !== name
    })
    showAlert('')
    announce('')
    const heading = document.getElementById(`${name}-title`)
    const textBox = $('[data-done-text]')
    if (heading && title !== undefined) heading.textContent = title
    if (textBox && text !== undefined) textBox.textContent = text
    if (heading && !quiet) heading.focus()
    if (name !== 'done') options.onStepViewed(name)
    options.reportHeight()
  }

  function showEnd(title: string, text: string) {
    show('done', { title, text })
    const redirect = $<HTMLAnchorElement>('[data-redirect]')
    if (redirect && /^https?:\/\//.test(options.redirectUrl ?? '')) {
      redirect.href = options.redirectUrl!
      redirect.hidden = false
    }
  }

  function busy(on: boolean) {
    document.querySelectorAll('button').forEach((button) => {
      if (on) {
        button.dataset.wasDisabled = button.disabled ? '1' : ''
        button.disabled = true
      } else {
        button.disabled = button.dataset.wasDisabled === '1'
      }
    })
    document.body.setAttribute('aria-busy', String(on))
    announce(on ? options.working : '')
  }

  return { showAlert, announce, show, showEnd, busy }
}
