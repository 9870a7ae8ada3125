// The page's API: create a request (the API key stays here), verify an attestation the page
// forwards, and tell what this server verified about a request.
import express from 'express'
import {
  AttestationError,
  HumanosApiError,
  createHumanosClient,
  createMemoryReplayStore,
  verifyAttestation,
} from '@humanos-link/server'
import { config } from './config.js'
import { decisionsOf, recordDecision } from './decisions.js'
import { isOwnRequest, rememberOwnRequest } from './ownRequest.js'

const humanos = createHumanosClient({
  apiKey: config.apiKey,
  signatureSecret: config.signatureSecret,
  baseUrl: config.humanosBaseUrl,
})
// Each attestation is accepted once. One process only: use Redis or SQL with several.
const replayStore = createMemoryReplayStore()

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const approvals = express.Router()
// Only `content-type: application/json` bodies are parsed; anything else leaves req.body unset.
approvals.use(express.json({ limit: '16kb' }))

/** The string field `name` of a JSON body, or undefined. */
function field(body: unknown, name: string): string | undefined {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : undefined
}

// In your app the contact is the signed-in user's, read from the session.
approvals.post('/api/requests', async (req, res) => {
  const contact = field(req.body, 'contact')?.trim() ?? ''
  if (!EMAIL.test(contact)) {
    res.status(400).json({ error: 'Send JSON { "contact": "<an email address>" }' })
    return
  }
  try {
    const request = await humanos.createRequest({
      contacts: [contact],
      name: 'Newsletter',
      credentials: [{ type: 'CONSENT', name: 'Send me the monthly newsletter' }],
    })
    rememberOwnRequest(res, request.id)
    // The browser gets the Link URL of its one subject and the request id, nothing else.
    res.status(201).json({ requestId: request.id, link: request.subjects[0]!.link })
  } catch (error) {
    if (!(error instanceof HumanosApiError)) throw error
    console.error('createRequest failed', error)
    res.status(502).json({ error: `Humanos refused the request (${error.status})` })
  }
})

// Only what verifies here (signature, issuer, audience = this app's origin, expiry, used once)
// counts; the browser's copy of a decision proves nothing.
approvals.post('/api/attestations', async (req, res) => {
  const attestation = field(req.body, 'attestation')
  if (attestation === undefined) {
    res.status(400).json({
      error: 'Send JSON { "attestation": "<the compact JWS>" } with content-type: application/json',
    })
    return
  }
  try {
    const claims = await verifyAttestation(attestation, {
      jwksUrl: `${config.humanosBaseUrl}/.well-known/jwks.json`,
      issuer: config.humanosBaseUrl,
      audience: config.appOrigin,
      replayStore,
    })
    // A valid attestation of somebody else's request says nothing about this browser.
    if (!isOwnRequest(req, claims.requestId)) {
      res.status(403).json({ error: 'not_your_request' })
      return
    }
    const outcome =
      claims.eventType === 'credential'
        ? claims.decision.action
        : claims.decision.success
          ? 'passed'
          : 'failed'
    recordDecision(claims.requestId, { via: 'attestation', eventType: claims.eventType, outcome })
    res.json({ requestId: claims.requestId, eventType: claims.eventType, outcome })
  } catch (error) {
    if (!(error instanceof AttestationError)) throw error
    res.status(422).json({ error: error.reason })
  }
})

// Only for the request this browser started (ownRequest.ts): ids are not secrets.
approvals.get('/api/requests/:requestId', (req, res) => {
  const { requestId } = req.params
  if (!isOwnRequest(req, requestId)) {
    res.status(404).json({ error: 'unknown_request' })
    return
  }
  res.json({ requestId, decisions: decisionsOf(requestId) })
})
