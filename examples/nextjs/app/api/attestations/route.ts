// POST /api/attestations: the page forwards the attestation of each decision; only what
// verifies here (signature, issuer, audience = this app's origin, expiry, used once) counts.
import { AttestationError, verifyAttestation } from '@humanos-link/server'
import { recordDecision } from '@/lib/decisions'
import { appOrigin, humanosBaseUrl, replayStore } from '@/lib/humanos'
import { isOwnRequest } from '@/lib/ownRequest'

export async function POST(req: Request) {
  const body: unknown = await req.json().catch(() => null)
  const attestation = (body as { attestation?: unknown } | null)?.attestation
  if (typeof attestation !== 'string') {
    return Response.json(
      { error: 'Send JSON { "attestation": "<the compact JWS>" }' },
      { status: 400 },
    )
  }
  try {
    const claims = await verifyAttestation(attestation, {
      jwksUrl: `${humanosBaseUrl()}/.well-known/jwks.json`,
      issuer: humanosBaseUrl(),
      audience: appOrigin(),
      replayStore: replayStore(),
    })
    // A valid attestation of somebody else's request says nothing about this browser.
    if (!(await isOwnRequest(claims.requestId))) {
      return Response.json({ error: 'not_your_request' }, { status: 403 })
    }
    const outcome =
      claims.eventType === 'credential'
        ? claims.decision.action
        : claims.decision.success
          ? 'passed'
          : 'failed'
    recordDecision(claims.requestId, { via: 'attestation', eventType: claims.eventType, outcome })
    return Response.json({ requestId: claims.requestId, eventType: claims.eventType, outcome })
  } catch (error) {
    if (error instanceof AttestationError) {
      return Response.json({ error: error.reason }, { status: 422 })
    }
    throw error
  }
}
