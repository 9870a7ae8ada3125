// Everything that holds a secret lives here, on the server. `server-only` makes the build fail if
// a client component ever imports this file, so the API key cannot reach a browser bundle.
import 'server-only'
import { createHumanosClient, createMemoryReplayStore } from '@humanos-link/server'
import type { HumanosClient, ReplayStore } from '@humanos-link/server'

/** Reads a setting when it is first needed, so `next build` runs without secrets. */
function env(name: string): string {
  const value = process.env[name]?.trim()
  if (!value) {
    throw new Error(
      `${name} is not set: put it in .env.local (see README.md; .env.development has the sandbox's values)`,
    )
  }
  return value
}

/** The Humanos API: `https://api.humanos.id`, or the sandbox in development. */
export const humanosBaseUrl = (): string => env('HUMANOS_BASE_URL').replace(/\/+$/, '')

/** This app's own origin: the page that hosts the Link frame, so the attestations' `aud`. */
export const appOrigin = (): string => env('APP_ORIGIN')

export const webhookSecrets = () => ({
  signatureSecret: env('HUMANOS_WEBHOOK_SIGNATURE_SECRET'),
  encryptionSecret: env('HUMANOS_WEBHOOK_ENCRYPTION_SECRET'),
  encryptionSalt: env('HUMANOS_WEBHOOK_ENCRYPTION_SALT'),
})

// Route handlers and server actions are bundled separately; globalThis gives them one client and
// one replay store per server process (and keeps them across hot reloads in `next dev`).
const shared = globalThis as { humanos?: HumanosClient; humanosReplays?: ReplayStore }

export function humanos(): HumanosClient {
  shared.humanos ??= createHumanosClient({
    apiKey: env('HUMANOS_API_KEY'),
    signatureSecret: env('HUMANOS_SIGNATURE_SECRET'),
    baseUrl: humanosBaseUrl(),
  })
  return shared.humanos
}

/** Each attestation is accepted once. One process only: use Redis or SQL with several. */
export function replayStore(): ReplayStore {
  shared.humanosReplays ??= createMemoryReplayStore()
  return shared.humanosReplays
}
