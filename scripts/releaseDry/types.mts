// Type-checked by scripts/releaseDry.mjs (module nodenext) as an ES module consumer.
import { createHumanosLink, type LinkResultPayload } from '@humanos-link/core'
import { HumanosLink, type HumanosLinkProps } from '@humanos-link/react'
import { defineHumanosLinkElement } from '@humanos-link/embed'
import {
  createHumanosClient,
  verifyAttestation,
  type AttestationClaims,
} from '@humanos-link/server'
import { startSandbox, type SandboxConfig } from '@humanos-link/sandbox'

export const entries = [createHumanosLink, HumanosLink, defineHumanosLinkElement, startSandbox]
export const client = createHumanosClient({ apiKey: 'k', signatureSecret: 's' })
export async function verify(payload: LinkResultPayload): Promise<AttestationClaims> {
  return verifyAttestation(payload.attestation, { jwks: { keys: [] }, audience: 'a', issuer: 'i' })
}
export type Props = HumanosLinkProps
export type Config = SandboxConfig
