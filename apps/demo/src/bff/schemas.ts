import { z } from 'zod'

// Mirrors what Humanos accepts (humanos-api.md), a little stricter where a demo can be: at most
// 10 contacts. Checking here means a bad field is a 400 that names it, not an upstream error.
const E164 = /^\+[1-9]\d{7,14}$/
const email = z.email()

// A missing field says so; a field of the wrong type says what it should be.
const typeError = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${expected}`
const str = () => z.string({ error: typeError('a string') })
const objectError = typeError('a JSON object')

const contact = str()
  .trim()
  .max(254, 'must be at most 254 characters')
  .refine(
    (value) => E164.test(value) || email.safeParse(value).success,
    'must be an email address or an E.164 phone number (+ and 8-15 digits)',
  )
  // Humanos compares emails in lower case; so must the demo, to find the chosen contact.
  .transform((value) => (value.includes('@') ? value.toLowerCase() : value))

const text = (max: number) =>
  str().trim().min(1, 'is required').max(max, `must be at most ${max} characters`)

/** Body of `POST /api/requests`. */
export const createRequestSchema = z
  .strictObject(
    {
      contacts: z
        .array(contact, { error: typeError('a list of contacts') })
        .min(1, 'must list at least 1 contact')
        .max(10, 'must list at most 10 contacts'),
      contact: contact.optional(),
      credentialName: text(200),
      credentialDescription: str()
        .trim()
        .max(2000, 'must be at most 2000 characters')
        .optional()
        .transform((value) => value || undefined),
      securityLevel: z
        .enum(['CONTACT', 'ORGANIZATION_KYC', 'HUMANOS_KYC', 'HUMANOS_REVALIDATION'], {
          error: 'must be CONTACT, ORGANIZATION_KYC, HUMANOS_KYC or HUMANOS_REVALIDATION',
        })
        .default('CONTACT'),
    },
    { error: objectError },
  )
  .superRefine((body, ctx) => {
    const seen = new Set<string>()
    body.contacts.forEach((value, index) => {
      if (seen.has(value)) {
        ctx.addIssue({ code: 'custom', path: ['contacts', index], message: 'is listed twice' })
      }
      seen.add(value)
    })
    if (body.contact !== undefined && !seen.has(body.contact)) {
      ctx.addIssue({ code: 'custom', path: ['contact'], message: 'must be one of contacts' })
    }
  })

export type CreateRequestInput = z.infer<typeof createRequestSchema>

/** A compact JWS: three base64url parts. Sized far above any real attestation. */
export const attestationSchema = z.strictObject(
  {
    attestation: str()
      .max(8192, 'must be at most 8192 characters')
      .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'must be a compact JWS (three base64url parts)'),
  },
  { error: objectError },
)

/** Path parameters naming a request: ids as Humanos hands them out (24 hex digits), with room. */
export const requestParamsSchema = z.object({
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a request id (letters, digits, _ and -)'),
})

const amount = z
  .number({ error: typeError('a number') })
  .positive('must be more than 0')
  .max(1_000_000, 'must be at most 1000000')

/** Body of `POST /api/mandates`: the limits the integrator asks the person to approve. */
export const createMandateSchema = z.strictObject(
  {
    contact,
    maxAmount: amount,
    allowedCategories: z
      .array(str().trim().min(1).max(50), { error: typeError('a list of categories') })
      .min(1, 'must list at least 1 category')
      .max(10, 'must list at most 10 categories'),
  },
  { error: objectError },
)

/** Body of `POST /api/mandates/:requestId/attempts`. */
export const attemptSchema = z.union(
  [
    z.strictObject({ amount, category: str().trim().min(1).max(50) }),
    z.strictObject({ replay: z.literal(true) }),
  ],
  { error: 'must be { amount, category } or { replay: true }' },
)
