// The approval flow's steps: review → code → identity (KYC) → decision → done. Each step calls
// the sandbox's page endpoints and tells the host what happened (link-protocol.md section 5).
import type { FlowBoot } from './boot.js'
import { createCamera } from './camera.js'
import type { Messenger } from './messenger.js'
import { createPageApi } from './pageApi.js'
import type { PageResult } from './pageApi.js'
import { fill } from './view.js'
import type { View } from './view.js'

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)

/** What the entry script shares with the flow: whether it has ended, and how to end it. */
export interface FlowState {
  finished: boolean
}

export function runFlow(boot: FlowBoot, messenger: Messenger, view: View, state: FlowState) {
  const { t } = boot
  const { post, postRaw, event, reportHeight } = messenger
  const { show, showEnd, showAlert, announce, busy } = view
  const call = createPageApi(boot)
  let resultsPosted = 0

  function postResults(messages: PageResult['body']['messages'] = []) {
    for (const message of messages) {
      postRaw(message)
      resultsPosted++
    }
  }

  function complete(title: string, text: string) {
    state.finished = true
    post('complete', { count: resultsPosted })
    showEnd(title, text)
  }

  /** Shows a failure; the ones that end the session also tell the host. */
  function failed(result: PageResult) {
    const code = result.body.code ?? ''
    const text = t.errors[code] ?? result.body.message ?? t.genericError
    if (code === 'session_expired' || code === 'session_canceled') {
      state.finished = true
      post('exit', { reason: code === 'session_expired' ? 'expired' : 'canceled' })
      showEnd(t.errorTitle, text)
    } else if (code === 'otp_locked') {
      state.finished = true
      post('error', { code, message: 'Too many wrong codes: the session is locked.' })
      showEnd(t.errorTitle, text)
    } else if (code === 'session_finished') {
      state.finished = true
      showEnd(t.errorTitle, text)
    } else {
      showAlert(result.body.message ?? t.genericError)
    }
  }

  function afterCode() {
    if (boot.identityStep) show('identity')
    else if (boot.hasCredentials) show('decide')
    else complete(t.doneIdentityTitle, t.doneIdentity)
  }

  // Step: review.
  $('[data-action="continue"]')?.addEventListener('click', () => {
    show('verify')
    event('OTP_SENT', { channel: boot.channel })
    startCooldown(boot.resendWaitSeconds)
  })

  // Step: one-time code.
  const input = $<HTMLInputElement>('#otp')!
  $('[data-form="otp"]')?.addEventListener('submit', async (e) => {
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

  const resendButton = $<HTMLButtonElement>('[data-action="resend"]')!
  const resendStatus = $('#resend-status')!
  let cooldownTimer: ReturnType<typeof setInterval> | undefined
  function startCooldown(seconds: number) {
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
    startCooldown(result.body.waitSeconds ?? 0)
    input.focus()
  })

  // Step: identity (KYC).
  const video = $<HTMLVideoElement>('#camera')
  const cameraButton = $<HTMLButtonElement>('[data-action="camera"]')
  const captureButton = $<HTMLButtonElement>('[data-action="capture"]')
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
        const denied = error instanceof Error && error.name === 'NotAllowedError'
        showAlert(denied ? t.cameraDenied : t.cameraUnavailable)
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
  document
    .querySelectorAll<HTMLButtonElement>('[data-action="accept"], [data-action="reject"]')
    .forEach((button) => {
      button.addEventListener('click', async () => {
        const action = button.dataset.action === 'accept' ? 'accept' : 'reject'
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

  post('ready', {})
  show('review', { quiet: true })
}
