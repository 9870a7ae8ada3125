// The page: asks our server for a Link, shows the flow in <humanos-link>, and hands each
// decision's attestation back to the server, which is the only one that can trust it.
const form = document.getElementById('start')
const show = (id, text) => {
  const element = document.getElementById(id)
  element.textContent = text
  element.hidden = false
}

async function postJson(url, body) {
  // Without this content-type, express.json() leaves req.body empty.
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { ok: response.ok, answer: await response.json() }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  form.querySelector('button').disabled = true
  const { ok, answer } = await postJson('/api/requests', { contact: form.elements.contact.value })
  if (!ok) {
    form.querySelector('button').disabled = false
    return show('problem', answer.error)
  }
  form.hidden = true

  const flow = document.createElement('humanos-link')
  flow.setAttribute('link', answer.link)
  flow.addEventListener('humanos-link:success', async ({ detail: decisions }) => {
    // Completed is not accepted: branch on what the person decided.
    const declined = decisions.some(
      (d) => d.eventType === 'credential' && d.decision.action === 'reject',
    )
    flow.remove()
    show('outcome', declined ? 'No problem, we will not email you.' : 'Thanks, you are subscribed.')
    for (const { attestation } of decisions) {
      const check = await postJson('/api/attestations', { attestation })
      const item = document.createElement('li')
      item.textContent = check.ok
        ? `verified: ${check.answer.outcome}`
        : `refused: ${check.answer.error}`
      document.getElementById('checks').append(item)
    }
  })
  flow.addEventListener('humanos-link:exit', () =>
    show('problem', 'You closed the approval. Reload to start again.'),
  )
  flow.addEventListener('humanos-link:error', ({ detail: error }) =>
    show('problem', `${error.message} (${error.code})`),
  )
  const container = document.getElementById('flow')
  container.dataset.requestId = answer.requestId
  container.append(flow)
})
