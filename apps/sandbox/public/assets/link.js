/*
 * The Humanos Link page script (served as a file: the page's CSP allows no inline script).
 * It drives the steps and talks to the host page. It never sees a decision in clear: the
 * sandbox seals every result to the host's key and this script only forwards the envelopes.
 * 1. Read the boot data the server rendered into #link-boot.
 * 2. Post `ready` (or, on an error page, the one `error` message) and keep `resize` current.
 * 3. Walk review → code → identity (KYC) → decision → done, posting progress `event`s.
 * 4. Post each sealed `result`, then `complete` with their count; `exit` when the flow ends
 *    without completing. Every message goes to `postMessageOrigin` only, never to '*'.
 */
;(function () {
  'use strict'

  var boot = JSON.parse(document.getElementById('link-boot').textContent)
  var t = boot.t || {}
  var embedded = typeof boot.origin === 'string' && window.parent !== window
  var resultsPosted = 0
  var finished = false

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID()
    }
    var b = window.crypto.getRandomValues(new Uint8Array(16))
    b[6] = (b[6] & 0x0f) | 0x40
    b[8] = (b[8] & 0x3f) | 0x80
    var h = Array.prototype.map.call(b, function (x) {
      return (x + 0x100).toString(16).slice(1)
    })
    return [h.slice(0, 4), h.slice(4, 6), h.slice(6, 8), h.slice(8, 10), h.slice(10)]
      .map(function (p) {
        return p.join('')
      })
      .join('-')
  }

  /** Posts one protocol message to the host; envelopes from the server are posted as they are. */
  function postRaw(message) {
    if (embedded) window.parent.postMessage(message, boot.origin)
  }

  function post(type, body) {
    var message = {
      ns: 'humanos-link',
      v: 1,
      type: type,
      sessionId: boot.sessionId,
      id: uuid(),
      ts: Date.now(),
    }
    Object.keys(body || {}).forEach(function (key) {
      message[key] = body[key]
    })
    postRaw(message)
  }

  function event(name, meta) {
    post('event', meta ? { name: name, meta: meta } : { name: name })
  }

  // Height for inline auto-resize: the content box, not the viewport the frame happens to have.
  var lastHeight = 0
  function reportHeight() {
    var height = Math.ceil(document.getElementById('app').getBoundingClientRect().height)
    if (height !== lastHeight) {
      lastHeight = height
      post('resize', { height: height })
    }
  }
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(reportHeight).observe(document.getElementById('app'))
  }
  window.addEventListener('load', reportHeight)

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (_, key) {
      return values[key] === undefined ? '' : String(values[key])
    })
  }

  var alertBox = document.getElementById('alert')
  var statusBox = document.getElementById('status')
  function showAlert(text) {
    if (!alertBox) return
    alertBox.textContent = text
    alertBox.hidden = !text
  }
  function announce(text) {
    if (statusBox) statusBox.textContent = text
  }

  document.querySelectorAll('[data-action="close"]').forEach(function (button) {
    button.addEventListener('click', function () {
      if (finished) return
      finished = true
      post('exit', { reason: 'user_closed' })
      showEnd(t.closedTitle, t.closed)
    })
  })

  if (boot.mode === 'error') {
    post('error', { code: boot.code, message: boot.message })
    return
  }

  // Focus follows the step only after the person has acted: moving focus into a frame on load
  // would steal it from the host page.
  function show(name, quiet) {
    document.querySelectorAll('[data-step]').forEach(function (section) {
      section.hidden = section.getAttribute('data-step') !== name
    })
    showAlert('')
    var heading = document.getElementById(name + '-title')
    if (heading && !quiet) heading.focus()
    event('STEP_VIEWED', { step: name })
    reportHeight()
  }

  function showEnd(title, text) {
    document.querySelectorAll('[data-step]').forEach(function (section) {
      section.hidden = section.getAttribute('data-step') !== 'done'
    })
    showAlert('')
    var heading = document.getElementById('done-title')
    heading.textContent = title
    document.querySelector('[data-done-text]').textContent = text
    var redirect = document.querySelector('[data-redirect]')
    if (redirect && boot.redirectUrl && /^https?:\/\//.test(boot.redirectUrl)) {
      redirect.href = boot.redirectUrl
      redirect.hidden = false
    }
    heading.focus()
    reportHeight()
  }

  function busy(on) {
    document.querySelectorAll('button').forEach(function (button) {
      if (on) {
        button.setAttribute('data-was-disabled', button.disabled ? '1' : '')
        button.disabled = true
      } else {
        button.disabled = button.getAttribute('data-was-disabled') === '1'
      }
    })
    document.body.setAttribute('aria-busy', on ? 'true' : 'false')
    if (on) announce(t.working)
  }

  /** Calls one of the page endpoints; resolves to { ok, status, body }. */
  function call(path, payload) {
    payload.frame = boot.frame
    return fetch('/link/' + encodeURIComponent(boot.sessionId) + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      credentials: 'omit',
    })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return {}
          })
          .then(function (body) {
            return {
              ok: response.ok,
              status: response.status,
              body: body,
              headers: response.headers,
            }
          })
      })
      .catch(function () {
        return { ok: false, status: 0, body: {}, headers: new Headers() }
      })
  }

  function postResults(messages) {
    ;(messages || []).forEach(function (message) {
      postRaw(message)
      resultsPosted++
    })
  }

  function complete(title, text) {
    finished = true
    post('complete', { count: resultsPosted })
    showEnd(title, text)
  }

  /** Handles the failures that end the flow; returns true when it did. */
  function endOnFailure(result) {
    var code = result.body && result.body.code
    var text = (t.errors && t.errors[code]) || result.body.message || t.genericError
    if (code === 'session_expired' || code === 'session_canceled') {
      finished = true
      post('exit', { reason: code === 'session_expired' ? 'expired' : 'canceled' })
      showEnd(t.errorTitle, text)
      return true
    }
    if (code === 'otp_locked') {
      finished = true
      post('error', { code: 'otp_locked', message: 'Too many wrong codes: the session is locked.' })
      showEnd(t.errorTitle, text)
      return true
    }
    if (code === 'session_finished') {
      finished = true
      showEnd(t.errorTitle, text)
      return true
    }
    return false
  }

  function failed(result) {
    if (endOnFailure(result)) return
    showAlert((result.body && result.body.message) || t.genericError)
  }

  function afterCode() {
    if (boot.identityStep) show('identity')
    else if (boot.hasCredentials) show('decide')
    else complete(t.doneIdentityTitle, t.doneIdentity)
  }

  // Step: review.
  var continueButton = document.querySelector('[data-action="continue"]')
  continueButton.addEventListener('click', function () {
    show('verify')
    event('OTP_SENT', { channel: boot.channel })
    startCooldown(boot.resendWaitSeconds)
  })

  // Step: one-time code.
  var form = document.querySelector('[data-form="otp"]')
  var input = document.getElementById('otp')
  form.addEventListener('submit', function (e) {
    e.preventDefault()
    var code = input.value.replace(/\s+/g, '')
    if (!/^\d{6}$/.test(code)) {
      input.setAttribute('aria-invalid', 'true')
      showAlert(t.codeEmpty)
      input.focus()
      return
    }
    busy(true)
    call('/otp/verify', { code: code }).then(function (result) {
      busy(false)
      announce('')
      if (result.ok) {
        input.removeAttribute('aria-invalid')
        event('OTP_VERIFIED')
        afterCode()
        return
      }
      if (result.body.code === 'otp_invalid') {
        var left = Number(result.headers.get('x-attempts-left') || 0)
        event('OTP_FAILED', { attemptsLeft: left })
        input.setAttribute('aria-invalid', 'true')
        input.value = ''
        showAlert(fill(t.codeInvalid, { n: left }))
        input.focus()
        return
      }
      if (result.body.code === 'otp_locked') event('OTP_FAILED', { attemptsLeft: 0 })
      failed(result)
    })
  })

  var resendButton = document.querySelector('[data-action="resend"]')
  var resendStatus = document.getElementById('resend-status')
  var cooldownTimer = null
  function startCooldown(seconds) {
    clearInterval(cooldownTimer)
    var left = Math.max(0, Math.ceil(seconds))
    function tick() {
      resendButton.disabled = left > 0
      resendStatus.textContent = left > 0 ? fill(t.resendIn, { s: left }) : t.resendReady
      if (left <= 0) clearInterval(cooldownTimer)
      left--
    }
    tick()
    if (left >= 0) cooldownTimer = setInterval(tick, 1000)
  }
  resendButton.addEventListener('click', function () {
    busy(true)
    call('/otp/resend', {}).then(function (result) {
      busy(false)
      if (!result.ok) {
        var retry = result.status === 429 ? Number(result.headers.get('retry-after') || 30) : 0
        if (retry) startCooldown(retry)
        failed(result)
        return
      }
      announce(t.codeSent)
      event('OTP_SENT', { channel: boot.channel, resend: true })
      var banner = document.querySelector('[data-banner-code]')
      if (banner && boot.showCodes) {
        banner.textContent = result.body.code ? t.sandboxCode + ' ' : t.sandboxNoCode
        if (result.body.code) {
          var strong = document.createElement('strong')
          strong.className = 'code'
          strong.setAttribute('data-testid', 'sandbox-code')
          strong.textContent = result.body.code
          banner.appendChild(strong)
        }
      }
      startCooldown(result.body.waitSeconds)
      input.focus()
    })
  })

  // Step: identity (KYC). The photo goes to the sandbox, which checks it is an image and
  // discards it: only the decision is kept.
  var video = document.getElementById('camera')
  var cameraButton = document.querySelector('[data-action="camera"]')
  var captureButton = document.querySelector('[data-action="capture"]')
  var stream = null
  function stopCamera() {
    if (stream)
      stream.getTracks().forEach(function (track) {
        track.stop()
      })
    stream = null
  }
  if (cameraButton) {
    cameraButton.addEventListener('click', function () {
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        showAlert(t.cameraUnavailable)
        return
      }
      event('KYC_STARTED')
      navigator.mediaDevices
        .getUserMedia({ video: { facingMode: 'user', width: { ideal: 640 } }, audio: false })
        .then(function (media) {
          stream = media
          video.srcObject = media
          video.hidden = false
          return video.play()
        })
        .then(function () {
          captureButton.disabled = false
          cameraButton.hidden = true
          captureButton.focus()
          reportHeight()
        })
        .catch(function (error) {
          stopCamera()
          showAlert(
            error && error.name === 'NotAllowedError' ? t.cameraDenied : t.cameraUnavailable,
          )
        })
    })
    captureButton.addEventListener('click', function () {
      var canvas = document.createElement('canvas')
      var width = 320
      canvas.width = width
      canvas.height = Math.round((width * (video.videoHeight || 240)) / (video.videoWidth || 320))
      canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height)
      var image = canvas.toDataURL('image/jpeg', 0.8)
      stopCamera()
      video.hidden = true
      busy(true)
      announce(t.identityChecking)
      call('/identity', { image: image }).then(function (result) {
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
    })
  }

  // Step: decision.
  function decide(action) {
    busy(true)
    call('/decision', { action: action }).then(function (result) {
      busy(false)
      if (!result.ok) {
        failed(result)
        return
      }
      event('DECISION_MADE', { action: action })
      postResults(result.body.messages)
      if (action === 'accept') complete(t.doneAcceptedTitle, t.doneAccepted)
      else complete(t.doneRejectedTitle, t.doneRejected)
    })
  }
  document.querySelectorAll('[data-action="accept"], [data-action="reject"]').forEach(function (b) {
    b.addEventListener('click', function () {
      decide(b.getAttribute('data-action'))
    })
  })

  window.addEventListener('pagehide', stopCamera)
  post('ready', {})
  show('review', true)
})()
