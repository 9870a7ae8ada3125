// The secrets that must never reach a browser: the sandbox's defaults (which the e2e servers and
// the demo run with) and any configured for real in the environment, with the encodings a
// response or bundle could carry them in.
const SECRETS = [
  'sandbox-api-key',
  'sandbox-signature-secret',
  'sandbox-webhook-signature-secret',
  'c2FuZGJveC13ZWJob29rLWVuY3J5cHRpb24tc2VjcmV0',
  'sandbox-webhook-salt',
  process.env.HUMANOS_API_KEY,
  process.env.HUMANOS_SIGNATURE_SECRET,
  process.env.HUMANOS_WEBHOOK_SIGNATURE_SECRET,
  process.env.HUMANOS_WEBHOOK_ENCRYPTION_SECRET,
  process.env.HUMANOS_WEBHOOK_ENCRYPTION_SALT,
  process.env.SANDBOX_API_KEY,
  process.env.SANDBOX_SIGNATURE_SECRET,
].filter((secret): secret is string => typeof secret === 'string' && secret.length >= 8)

/** Each secret as it is, base64-encoded and URL-encoded. */
export const SECRET_NEEDLES: readonly string[] = [
  ...new Set(
    SECRETS.flatMap((secret) => [
      secret,
      Buffer.from(secret).toString('base64').replace(/=+$/, ''),
      encodeURIComponent(secret),
    ]),
  ),
]

/** The needles found in `text`. */
export function secretsIn(text: string): string[] {
  return SECRET_NEEDLES.filter((needle) => text.includes(needle))
}
