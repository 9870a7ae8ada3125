import { Hono } from 'hono'
import { WebhookVerificationError, verifyWebhook } from '@humanos-link/server'
import type { WebhookEvent } from '@humanos-link/server'
import type { BffContext, BffEnv } from '../context.js'
import { recordDecision } from '../db/decisionStore.js'
import type { DecisionInput } from '../db/decisionStore.js'
import { insertWebhookEvent, listWebhookEvents } from '../db/webhookStore.js'
import type { WebhookEventList } from '../../shared/apiTypes.js'
import { ApiError } from '../http/apiError.js'
import { jsonDepth } from '../http/jsonBody.js'

function decisionFrom(event: WebhookEvent): DecisionInput | null {
  const common = { requestId: event.requestId, subject: event.user.id, contact: event.user.contact }
  if (event.eventType === 'credential') {
    return {
      ...common,
      eventType: 'credential',
      credentialId: event.credential.id,
      outcome: event.decision.action,
      credentialStatus: event.credential.status,
      decidedAt: event.decision.date,
    }
  }
  if (event.eventType === 'identity') {
    return {
      ...common,
      eventType: 'identity',
      credentialId: null,
      outcome: event.decision.success ? 'passed' : 'failed',
      credentialStatus: null,
      decidedAt: event.decision.date,
    }
  }
  return null
}

/**
 * `POST /webhooks/humanos`, called by Humanos (the sandbox), never by the browser. It answers
 * `200` only once the event is stored, so a crash before that makes Humanos retry; a retry of an
 * event already stored (same `x-webhook-id`) is acknowledged and changes nothing.
 */
export function webhookRoutes(ctx: BffContext): Hono<BffEnv> {
  const app = new Hono<BffEnv>()
  const secrets = {
    signatureSecret: ctx.config.webhookSignatureSecret,
    encryptionSecret: ctx.config.webhookEncryptionSecret,
    encryptionSalt: ctx.config.webhookEncryptionSalt,
  }

  app.post('/webhooks/humanos', async (c) => {
    // The signature covers the exact bytes, so the body is read raw, never re-serialised.
    const raw = new Uint8Array(await c.req.arrayBuffer())
    // Same depth limit as every other body, checked before anything parses it.
    if (jsonDepth(new TextDecoder().decode(raw)) > ctx.config.maxJsonDepth) {
      throw ApiError.invalid([
        { field: 'body', reason: `is nested deeper than ${ctx.config.maxJsonDepth} levels` },
      ])
    }
    const { event, id, dedupeKey } = await verifyWebhook(raw, c.req.raw.headers, secrets).catch(
      (error: unknown) => {
        if (!(error instanceof WebhookVerificationError)) throw error
        ctx.log(`webhook refused: ${error.reason}`)
        throw new ApiError(400, 'invalid_webhook', `The webhook was refused: ${error.reason}`)
      },
    )
    const at = Date.now()
    const decision = decisionFrom(event)
    const stored = ctx.db.transaction(() => {
      const fresh = insertWebhookEvent(ctx.db, {
        dedupeKey,
        webhookId: id ?? null,
        eventType: event.eventType,
        requestId: event.requestId,
        receivedAt: at,
        event,
      })
      if (fresh && decision) {
        recordDecision(ctx.db, decision, { channel: 'webhook', at, webhookId: id ?? null })
      }
      return fresh
    })()
    ctx.log(`webhook ${event.eventType} ${id ?? dedupeKey}${stored ? ' stored' : ': duplicate'}`)
    return c.json({ received: true, duplicate: !stored })
  })

  // For the web app: what arrived for this session's requests, so the person sees webhooks
  // land and duplicates dropped.
  app.get('/api/webhooks', (c) => {
    const list: WebhookEventList = {
      data: listWebhookEvents(ctx.db, c.get('session').id, 50).map((row) => ({
        webhookId: row.webhook_id,
        eventType: row.event_type,
        requestId: row.request_id,
        receivedAt: new Date(row.received_at).toISOString(),
        deliveries: row.deliveries,
      })),
    }
    c.header('Cache-Control', 'no-store')
    return c.json(list)
  })

  return app
}
