// Settings come from the environment, and are checked once at start-up: a missing one stops
// the server with its name, instead of failing on the first request.

function env(name: string): string {
  const value = process.env[name]?.trim()
  if (!value) {
    throw new Error(
      `${name} is not set (see README.md; .env.development has the sandbox's values for npm run dev)`,
    )
  }
  return value
}

export const config = {
  port: Number(process.env.PORT ?? 3000),
  /** Loopback by default; set HOST=0.0.0.0 behind your proxy. */
  host: process.env.HOST ?? '127.0.0.1',
  /** The Humanos API: `https://api.humanos.id`, or the sandbox in development. */
  humanosBaseUrl: env('HUMANOS_BASE_URL').replace(/\/+$/, ''),
  apiKey: env('HUMANOS_API_KEY'),
  signatureSecret: env('HUMANOS_SIGNATURE_SECRET'),
  webhook: {
    signatureSecret: env('HUMANOS_WEBHOOK_SIGNATURE_SECRET'),
    encryptionSecret: env('HUMANOS_WEBHOOK_ENCRYPTION_SECRET'),
    encryptionSalt: env('HUMANOS_WEBHOOK_ENCRYPTION_SALT'),
  },
  /** The origin of this app's page, which hosts the Link frame: the attestations' `aud`. */
  appOrigin: env('APP_ORIGIN'),
}
