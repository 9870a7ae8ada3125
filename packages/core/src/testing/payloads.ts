// Test-only helpers (not exported by the package): well-formed decision payloads.
import type { LinkResultPayload } from '../payload.js'

export function credentialPayload(name = 'Share my email'): LinkResultPayload {
  return {
    eventType: 'credential',
    api_version: '2026-05-17',
    requestId: 'req-1',
    issuerDid: 'did:web:127.0.0.1%3A4010',
    user: { contact: 'ana@example.com', id: 'did:web:127.0.0.1%3A4010:user:1' },
    credential: {
      id: 'urn:via:credential:550e8400-e29b-41d4-a716-446655440000',
      resourceType: 'CONSENT',
      status: 'ACTIVE',
      name,
      w3cCredential: {},
      decisions: [],
    },
    decision: { action: 'accept', date: '2026-11-24T12:00:00.000Z' },
    attestation: 'eyJhbGciOiJFUzI1NiJ9.eyJ0IjoxfQ.c2ln',
  }
}
