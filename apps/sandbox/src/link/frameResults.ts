import { randomUUID } from 'node:crypto'
import { createLinkMessage, sealResult } from '@humanos-link/core/protocol'
import type { ResultMessage } from '@humanos-link/core/protocol'
import type { SandboxContext } from '../context.js'
import type { FrameRow } from '../db/rows.js'
import type { DecisionEvent } from '../flow/events.js'
import { signAttestation } from '../keys/attestation.js'

/**
 * Turns decision events into `result` messages for one frame (link-protocol sections 6-7):
 * each payload gets its attestation, then is sealed to the frame's `pubKey` with a fresh
 * ephemeral key, bound to this session, the frame's origin and the envelope's own `id`/`ts`.
 * A standalone page (no origin or key) gets none.
 */
export async function resultMessages(
  ctx: SandboxContext,
  frame: FrameRow,
  events: readonly DecisionEvent[],
): Promise<ResultMessage[]> {
  const { origin, pub_key: publicKey, session_id: sessionId } = frame
  if (origin === null || publicKey === null) return []
  const messages: ResultMessage[] = []
  for (const event of events) {
    const attestation = await signAttestation(ctx.keys, ctx.baseUrl, {
      sub: event.user.id,
      aud: origin,
      requestId: event.requestId,
      sessionId,
      eventType: event.eventType,
      decision: { ...event.decision },
      ...(event.eventType === 'credential'
        ? { credentialId: event.credential.id, credentialStatus: event.credential.status }
        : {}),
    })
    const id = randomUUID()
    const ts = Date.now()
    const enc = await sealResult(
      { ...event, attestation },
      { publicKey, sessionId, origin, id, ts },
    )
    messages.push(createLinkMessage('result', sessionId, { enc }, { id, ts }))
  }
  return messages
}
