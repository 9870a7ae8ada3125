// The plain-HTML version of the demo: no framework, no bundler, no inline script.
// 1. The form asks the BFF (same origin, /api) to create a request; it answers the Link URL.
// 2. The script-tag build is loaded from the Link's own origin (the host never hard-codes it:
//    the sandbox serves it at <origin>/static/humanos-link.js), once.
// 3. The flow is embedded with <humanos-link> (inline) or HumanosLink.create (modal).
// 4. Each decision's attestation goes back to the BFF, which verifies and records it.
'use strict'

const $ = (id) => document.getElementById(id)
let current = null

function show(id, text) {
  const element = $(id)
  element.textContent = text || ''
  element.hidden = !text
}

class BffError extends Error {
  constructor(answer) {
    super(answer.message)
    this.field = typeof answer.field === 'string' ? answer.field : ''
    this.reason = typeof answer.reason === 'string' ? answer.reason : ''
  }
}

async function callBff(path, body) {
  let response
  try {
    // The session cookie rides along (same origin); X-Requested-By is the BFF's CSRF check.
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'X-Requested-By': 'humanos-demo' },
      body: JSON.stringify(body),
    })
  } catch {
    throw new BffError({
      message: 'The demo server could not be reached. Is `npm run demo` running?',
    })
  }
  const answer = await response.json().catch(() => null)
  if (!response.ok) {
    throw new BffError(
      answer && typeof answer.message === 'string'
        ? answer
        : { message: `The demo server answered ${response.status}.` },
    )
  }
  return answer
}

const scripts = new Map()
function loadSdk(origin) {
  if (!scripts.has(origin)) {
    scripts.set(
      origin,
      new Promise((resolve, reject) => {
        const script = document.createElement('script')
        script.src = `${origin}/static/humanos-link.js`
        script.onload = () =>
          window.HumanosLink ? resolve(window.HumanosLink) : reject(new Error('no HumanosLink'))
        script.onerror = () => {
          scripts.delete(origin)
          reject(new Error(`${script.src} did not load. Is the embed package built?`))
        }
        document.head.append(script)
      }),
    )
  }
  return scripts.get(origin)
}

async function verify(attestation) {
  show('verdict', 'Verifying the attestation on the server…')
  try {
    const answer = await callBff('/api/attestations', { attestation })
    const outcome = answer.decision.outcome === 'accept' ? 'accepted' : answer.decision.outcome
    show(
      'verdict',
      `Attestation verified by the BFF: ${outcome}, request now ${answer.status ?? 'recorded'}.`,
    )
    $('verdict').className = 'success'
  } catch (error) {
    show('verdict', `The server did not accept the decision: ${error.message}`)
    $('verdict').className = 'error'
  }
}

function onError(error) {
  show('status', `The approval flow stopped (${error.code}): ${error.message}`)
}

function clearFlow() {
  if (current) current.destroy()
  current = null
  $('flow').replaceChildren()
  show('verdict', '')
}

function embedInline(link) {
  const element = document.createElement('humanos-link')
  element.setAttribute('link', link)
  element.addEventListener('humanos-link:ready', () => show('status', 'Waiting for your decision.'))
  element.addEventListener('humanos-link:decision', (event) => verify(event.detail.attestation))
  element.addEventListener('humanos-link:success', () => show('status', 'Flow completed.'))
  element.addEventListener('humanos-link:exit', () => show('status', 'The flow was closed.'))
  element.addEventListener('humanos-link:error', (event) => onError(event.detail))
  $('flow').append(element)
  current = { destroy: () => element.remove() }
}

function embedModal(HumanosLink, link) {
  const flow = HumanosLink.create({
    link,
    mode: 'modal',
    onReady: () => show('status', 'Waiting for your decision (in the dialog).'),
    onDecision: (payload) => verify(payload.attestation),
    onSuccess: () => show('status', 'Flow completed.'),
    onExit: () => show('status', 'The dialog was closed before the end.'),
    onError,
  })
  flow.open()
  current = flow
}

function fieldError(error) {
  const field = error.field || ''
  if (field.startsWith('contact')) return ['contact-error', error.reason]
  if (field.startsWith('credentialName')) return ['credential-error', error.reason]
  return ['form-error', error.message]
}

async function onSubmit(event) {
  event.preventDefault()
  const button = $('submit')
  const contact = $('contact').value.trim()
  const mode = new FormData($('create')).get('mode')
  for (const id of ['contact-error', 'credential-error', 'form-error']) show(id, '')
  clearFlow()
  button.disabled = true
  button.textContent = 'Creating…'
  $('create').setAttribute('aria-busy', 'true')
  try {
    const { link } = await callBff('/api/requests', {
      contacts: [contact],
      credentialName: $('credential').value,
    })
    show('status', 'Loading the approval flow…')
    const HumanosLink = await loadSdk(new URL(link).origin)
    if (mode === 'modal') embedModal(HumanosLink, link)
    else embedInline(link)
  } catch (error) {
    const [id, text] = fieldError(error)
    show(id, text || error.message)
    show('status', 'Nothing to approve yet.')
  } finally {
    button.disabled = false
    button.textContent = 'Create and approve'
    $('create').removeAttribute('aria-busy')
  }
}

$('create').addEventListener('submit', onSubmit)
