/*
 * The Humanos Link page script (a file: the page's CSP allows no inline script).
 * It drives the steps and talks to the host page. It never sees a decision in clear: the
 * sandbox seals every result to the host's key and this script only forwards the envelopes.
 * 1. Read the boot data the server rendered into #link-boot.
 * 2. Post `ready` (or, on an error page, the one `error` message) and keep `resize` current.
 * 3. Walk review → code → identity (KYC) → decision → done, posting progress `event`s.
 * 4. Post each sealed `result`, then `complete` with their count; `exit` when the flow ends
 *    without completing.
 */
import { createCamera } from './camera.js'
import { createMessenger } from './messenger.js'
import { createPageApi } from './pageApi.js'

const boot = JSON.parse(document.getElementById('link-boot').textContent)
const t = boot.t ?? {}
const { post, postRaw, event, reportHeight } = createMessenger(boot, document.getElementById('app'))
const $ = (selector) => document.querySelector(selector)
const fill = (template, values) =>
  String(template).replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''))

const alertBox = $('#alert')
const statusBox = $('#status')
let resultsPosted = 0
let finished = false

function showAlert(text) {
  if (!alertBox) return
  alertBox.textContent = text
  alertBox.hidden = !text
}

function announce(text) {
  if (statusBox) statusBox.textContent = text
}

// Focus follows the step only after the person has acted: moving focus into a frame on load
// would steal it from the host page.
function show(name, { quiet = false, title, text } = {}) {
  document.querySelectorAll('[data-step]').forEach((section) => {
    section.hidden = section.dataset.step !== name
  })
  showAlert('')
  announce('')
  const heading = document.getElementById(`${name}-title`)
  const textBox = $('[data-done-text]')
  if (heading && title !== undefined) heading.textContent = title
  if (textBox && text !== undefined) textBox.textContent = text
  if (heading && !quiet) heading.focus()
  if (name !== 'done') event('STEP_VIEWED', { step: name })
  reportHeight()
}

function showEnd(title, text) {
  show('done', { title, text })
  const redirect = $('[data-redirect]')
  if (redirect && /^https?:\/\//.test(boot.redirectUrl ?? '')) {
    redirect.href = boot.redirectUrl
    redirect.hidden = false
  }
}

function busy(on) {
  document.querySelectorAll('button').forEach((button) => {
    if (on) {
      button.dataset.wasDisabled = button.disabled ? '1' : ''
      button.disabled = true
    } else {
      button.disabled = button.dataset.wasDisabled === '1'
    }
  })
  document.body.setAttribute('aria-busy', String(on))
  announce(on ? t.working : '')
}

document.querySelectorAll('[data-action="close"]').forEach((button) => {
  button.addEventListener('click', () => {
    if (finished) return
    finished = true
    post('exit', { reason: 'user_closed' })
    showEnd(t.closedTitle, t.closed)
  })
})

if (boot.mode === 'error') {
  post('error', { code: boot.code, message: boot.message })
} else {
  runFlow()
}

function runFlow() {
  const call = createPageApi(boot)

  function postResults(messages = []) {
    for (const message of messages) {
      postRaw(message)
      resultsPosted++
    }
  }

  function complete(title, text) {
    finished = true
    post('complete', { count: resultsPosted })
    showEnd(title, text)
  }

  /** Shows a failure; the ones that end the session also tell the host. */
  function failed(result) {
    const code = result.body?.code
    const text = t.errors?.[code] ?? result.body?.message ?? t.genericError
    if (code === 'session_expired' || code === 'session_canceled') {
      finished = true
      post('exit', { reason: code === 'session_expired' ? 'expired' : 'canceled' })
      showEnd(t.errorTitle, text)
    } else if (code === 'otp_locked') {
      finished = true
      post('error', { code, message: 'Too many wrong codes: the session is locked.' })
      showEnd(t.errorTitle, text)
    } else if (code === 'session_finished') {
      finished = true
      showEnd(t.errorTitle, text)
    } else {
      showAlert(result.body?.message ?? t.genericError)
    }
  }

  function afterCode() {
    if (boot.identityStep) show('identity')
    else if (boot.hasCredentials) show('decide')
    else complete(t.doneIdentityTitle, t.doneIdentity)
  }

  // Step: review.
  $('[data-action="continue"]').addEventListener('click', () => {
    show('verify')
    event('OTP_SENT', { channel: boot.channel })
    startCooldown(boot.resendWaitSeconds)
  })

  // Step: one-time code.
  const input = $('#otp')
  $('[data-form="otp"]').addEventListener('submit', async (e) => {
    e.preventDefault()
    const code = input.value.replace(/\s+/g, '')
    if (!/^\d{6}$/.test(code)) {
      input.setAttribute('aria-invalid', 'true')
      showAlert(t.codeEmpty)
      input.focus()
      return
    }
    busy(true)
    const result = await call('/otp/verify', { code })
    busy(false)
    if (result.ok) {
      input.removeAttribute('aria-invalid')
      event('OTP_VERIFIED')
      afterCode()
    } else if (result.body.code === 'otp_invalid') {
      const left = Number(result.headers.get('x-attempts-left') ?? 0)
      event('OTP_FAILED', { attemptsLeft: left })
      input.setAttribute('aria-invalid', 'true')
      input.value = ''
      showAlert(fill(t.codeInvalid, { n: left }))
      input.focus()
    } else {
      if (result.body.code === 'otp_locked') event('OTP_FAILED', { attemptsLeft: 0 })
      failed(result)
    }
  })

  const resendButton = $('[data-action="resend"]')
  const resendStatus = $('#resend-status')
  let cooldownTimer
  function startCooldown(seconds) {
    clearInterval(cooldownTimer)
    let left = Math.max(0, Math.ceil(seconds))
    const tick = () => {
      resendButton.disabled = left > 0
      resendStatus.textContent = left > 0 ? fill(t.resendIn, { s: left }) : t.resendReady
      if (left-- <= 0) clearInterval(cooldownTimer)
    }
    tick()
    cooldownTimer = setInterval(tick, 1000)
  }

  function showBannerCode(code) {
    const banner = $('[data-banner-code]')
    if (!banner || !boot.showCodes) return
    banner.textContent = code ? `${t.sandboxCode} ` : t.sandboxNoCode
    if (!code) return
    const strong = document.createElement('strong')
    strong.className = 'code'
    strong.dataset.testid = 'sandbox-code'
    strong.textContent = code
    banner.append(strong)
  }

  resendButton.addEventListener('click', async () => {
    busy(true)
    const result = await call('/otp/resend', {})
    busy(false)
    if (!result.ok) {
      if (result.status === 429) startCooldown(Number(result.headers.get('retry-after') ?? 30))
      failed(result)
      return
    }
    announce(t.codeSent)
    event('OTP_SENT', { channel: boot.channel, resend: true })
    showBannerCode(result.body.code)
    startCooldown(result.body.waitSeconds)
    input.focus()
  })

  // Step: identity (KYC).
  const video = $('#camera')
  const cameraButton = $('[data-action="camera"]')
  const captureButton = $('[data-action="capture"]')
  if (video && cameraButton && captureButton) {
    const camera = createCamera(video)
    cameraButton.addEventListener('click', async () => {
      event('KYC_STARTED')
      try {
        await camera.start()
        captureButton.disabled = false
        cameraButton.hidden = true
        captureButton.focus()
        reportHeight()
      } catch (error) {
        camera.stop()
        showAlert(error?.name === 'NotAllowedError' ? t.cameraDenied : t.cameraUnavailable)
      }
    })
    captureButton.addEventListener('click', async () => {
      const image = camera.capture()
      busy(true)
      announce(t.identityChecking)
      const result = await call('/identity', { image })
      busy(false)
      if (!result.ok) {
        cameraButton.hidden = false
        captureButton.disabled = true
        failed(result)
        return
      }
      postResults(result.body.messages)
      event('KYC_FINISHED')
      if (!result.body.success) complete(t.identityFailedTitle, t.identityFailed)
      else if (result.body.finished) complete(t.doneIdentityTitle, t.doneIdentity)
      else show('decide')
    })
  }

  // Step: decision.
  document.querySelectorAll('[data-action="accept"], [data-action="reject"]').forEach((button) => {
    button.addEventListener('click', async () => {
      const action = button.dataset.action
      busy(true)
      const result = await call('/decision', { action })
      busy(false)
      if (!result.ok) {
        failed(result)
        return
      }
      event('DECISION_MADE', { action })
      postResults(result.body.messages)
      if (action === 'accept') complete(t.doneAcceptedTitle, t.doneAccepted)
      else complete(t.doneRejectedTitle, t.doneRejected)
    })
  })

  post('ready')
  show('review', { quiet: true })
}
