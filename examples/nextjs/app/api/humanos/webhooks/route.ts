// POST /api/humanos/webhooks: Humanos calls this, never the browser. The signature covers the
// exact bytes, so the body is read with req.text(), never parsed and re-serialised first.
import { WebhookVerificationError, verifyWebhook } from '@humanos-link/server'
import { firstDelivery, recordDecision } from '@/lib/decisions'
import { webhookSecrets } from '@/lib/humanos'

export async function POST(req: Request) {
  const raw = await req.text()
  let verified
  try {
    verified = await verifyWebhook(raw, req.headers, webhookSecrets())
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      return Response.json({ error: error.reason }, { status: 400 })
    }
    throw error
  }
  const { event, dedupeKey } = verified
  // Humanos retries until it gets a 2xx: acknowledge a repeat without acting twice.
  if (!firstDelivery(dedupeKey)) return Response.json({ received: true, duplicate: true })
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
  return Response.json({ received: true })
}
