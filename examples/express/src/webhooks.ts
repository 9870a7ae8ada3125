// POST /webhooks/humanos: Humanos calls this, never the browser. The signature covers the exact
// bytes, so this route reads the body with express.raw (a Buffer), never express.json.
import express from 'express'
import { WebhookVerificationError, verifyWebhook } from '@humanos-link/server'
import { config } from './config.js'
import { firstDelivery, recordDecision } from './decisions.js'

export const webhooks = express.Router()

webhooks.post('/webhooks/humanos', express.raw({ type: 'application/json' }), async (req, res) => {
  if (!Buffer.isBuffer(req.body)) {
    res.status(415).json({ error: 'Expected content-type: application/json' })
    return
  }
  let verified
  try {
    verified = await verifyWebhook(req.body, req.headers, config.webhook)
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      res.status(400).json({ error: error.reason })
      return
    }
    throw error
  }
  const { event, dedupeKey } = verified
  // Humanos retries until it gets a 2xx: acknowledge a repeat without acting twice.
  if (!firstDelivery(dedupeKey)) {
    res.json({ received: true, duplicate: true })
    return
  }
  if (event.eventType === 'credential') {
    recordDecision(event.requestId, {
      via: 'webhook',
      eventType: 'credential',
      outcome: event.decision.action,
    })
  } else if (event.eventType === 'identity') {
    recordDecision(event.requestId, {
      via: 'webhook',
      eventType: 'identity',
      outcome: event.decision.success ? 'passed' : 'failed',
    })
  }
  res.json({ received: true })
})
