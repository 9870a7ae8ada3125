import { importPublicKey } from '@humanos-link/core/protocol'
import { z } from 'zod'
import { IDENTITY_LEVELS } from '../db/rows'
import { E164, normalizeContact } from '../flow/contacts'

const emailSchema = z.email()

const contactSchema = z
  .string()
  .max(254)
  .refine(
    (value) => E164.test(value) || emailSchema.safeParse(value).success,
    'must be an email address or an E.164 phone number (+ and 8-15 digits)',
  )
  .transform(normalizeContact)

const dateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' })

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max)

export const credentialInputSchema = z
  .strictObject({
    type: z.enum(['DOCUMENT', 'CONSENT', 'FORM', 'JSON', 'POLICY']),
    name: text(200),
    description: z.string().max(5000).optional(),
    scope: text(200).optional(),
    internalId: text(200).optional(),
    validFrom: dateTime.optional(),
    validUntil: dateTime.optional(),
    data: z.json().optional(),
  })
  .superRefine((credential, ctx) => {
    const until = credential.validUntil ? Date.parse(credential.validUntil) : null
    if (until === null) return
    if (until <= Date.now()) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must be in the future' })
    }
    if (credential.validFrom && until <= Date.parse(credential.validFrom)) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must be after validFrom' })
    }
  })

const pubKeySchema = z.string().refine(
  async (value) => {
    try {
      await importPublicKey(value)
      return true
    } catch {
      return false
    }
  },
  { message: 'must be the base64 SPKI encoding of a P-256 public key', abort: true },
)

/** Body of `POST /request` (humanos-api.md). Unknown fields are refused, to catch typos. */
export const createRequestSchema = z
  .strictObject({
    contacts: z
      .array(contactSchema)
      .min(1, 'must list at least 1 contact')
      .max(100, 'must list at most 100 contacts')
      .refine(
        (contacts) => new Set(contacts).size === contacts.length,
        'must not repeat a contact',
      ),
    name: text(200).optional(),
    securityLevel: z
      .enum(['CONTACT', 'ORGANIZATION_KYC', 'HUMANOS_KYC', 'HUMANOS_REVALIDATION'])
      .default('CONTACT'),
    credentials: z
      .array(credentialInputSchema)
      .min(1, 'must list at least 1 credential')
      .max(10, 'must list at most 10 credentials')
      .optional(),
    language: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be a three-letter code such as ENG or PRT')
      .default('ENG'),
    redirectUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
    internalId: text(200).optional(),
    pubKey: pubKeySchema.optional(),
    authorizedDIDs: z
      .array(
        z
          .string()
          .max(500)
          .regex(/^did:[a-z0-9]+:\S+$/, 'must be a DID'),
      )
      .max(50)
      .default([]),
  })
  .superRefine((body, ctx) => {
    // An identity-only request (KYC with nothing to sign) is allowed; anything else needs at
    // least one credential to decide on.
    if (!body.credentials && !IDENTITY_LEVELS.has(body.securityLevel)) {
      ctx.addIssue({
        code: 'custom',
        path: ['credentials'],
        message: 'is required (1-10 credentials) unless securityLevel asks for an identity check',
      })
    }
  })

export type CreateRequestBody = z.infer<typeof createRequestSchema>

/** Query of `GET /request`. */
export const listQuerySchema = z.strictObject({
  pageIndex: z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number from 0')
    .transform(Number)
    .default(0),
  pageSize: z
    .string()
    .regex(/^\d{1,3}$/, 'must be a whole number from 5 to 100')
    .transform(Number)
    .pipe(z.number().min(5, 'must be at least 5').max(100, 'must be at most 100'))
    .default(10),
  search: z.string().max(200).optional(),
  internalId: z.string().max(200).optional(),
})

/** Body of `DELETE /credential/revoke/:id`. */
export const revokeSchema = z.strictObject({ reason: z.string().trim().max(500).optional() })
