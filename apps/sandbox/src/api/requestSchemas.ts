import { importPublicKey } from '@humanos-link/core/protocol'
import { z } from 'zod'
import { mandateActionInputSchema } from '../mandates/mandateRequest.js'
import { IDENTITY_LEVELS } from '../db/rows.js'
import { E164, normalizeContact } from '../flow/contacts.js'

const emailSchema = z.email()

export const contactSchema = z
  .string()
  .max(254)
  .refine(
    (value) => E164.test(value) || emailSchema.safeParse(value).success,
    'must be an email address or an E.164 phone number (+ and 8-15 digits)',
  )
  .transform(normalizeContact)

const dateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' })

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max)

/** A signature box on a `DOCUMENT` (humanos-api.md); coordinates are the page's units. */
const placementSchema = z.strictObject({
  contact: contactSchema,
  type: z.string().trim().min(1).max(50),
  x: z.number().min(0),
  y: z.number().min(0),
  width: z.number().positive(),
  height: z.number().positive(),
  pageIndex: z.number().int().min(0),
  identityType: z.string().trim().min(1).max(50).optional(),
})

const idList = (what: string) =>
  z
    .array(z.string().trim().min(1).max(100))
    .max(10, `must list at most 10 ${what}`)
    .refine((ids) => new Set(ids).size === ids.length, `must not repeat ${what}`)

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
    placements: z.array(placementSchema).max(100).optional(),
    action: mandateActionInputSchema.optional(),
  })
  .superRefine((credential, ctx) => {
    if (credential.action && credential.type !== 'POLICY') {
      ctx.addIssue({
        code: 'custom',
        path: ['action'],
        message: 'names an action: only a POLICY credential can',
      })
    }
    if (credential.placements && credential.type !== 'DOCUMENT') {
      ctx.addIssue({
        code: 'custom',
        path: ['placements'],
        message: 'are signature boxes: only a DOCUMENT has them',
      })
    }
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
    groupIds: idList('workflow ids').optional(),
    resourcesIds: idList('approval ids').optional(),
    expectedDocIds: z
      .array(z.strictObject({ contact: contactSchema, docId: z.string().trim().min(1).max(200) }))
      .max(100)
      .default([]),
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
    // least one credential to decide on, from any of the three sources.
    const sources = [body.credentials, body.resourcesIds, body.groupIds]
    const none = sources.every((list) => list === undefined || list.length === 0)
    if (none && !IDENTITY_LEVELS.has(body.securityLevel)) {
      ctx.addIssue({
        code: 'custom',
        path: ['credentials'],
        message:
          'is required (1-10 credentials, from credentials, resourcesIds or groupIds) unless securityLevel asks for an identity check',
      })
    }
    for (const [index, item] of body.expectedDocIds.entries()) {
      if (!body.contacts.includes(item.contact)) {
        ctx.addIssue({
          code: 'custom',
          path: ['expectedDocIds', index, 'contact'],
          message: 'must be one of contacts',
        })
      }
    }
    for (const [c, credential] of (body.credentials ?? []).entries()) {
      for (const [index, placement] of (credential.placements ?? []).entries()) {
        if (!body.contacts.includes(placement.contact)) {
          ctx.addIssue({
            code: 'custom',
            path: ['credentials', c, 'placements', index, 'contact'],
            message: 'must be one of contacts',
          })
        }
      }
    }
  })

export type CreateRequestBody = z.infer<typeof createRequestSchema>

const pageIndexSchema = z
  .string()
  .regex(/^\d{1,9}$/, 'must be a whole number from 0')
  .transform(Number)
  .default(0)

const pageSizeSchema = z
  .string()
  .regex(/^\d{1,3}$/, 'must be a whole number from 5 to 100')
  .transform(Number)
  .pipe(z.number().min(5, 'must be at least 5').max(100, 'must be at most 100'))
  .default(10)

/** The paginated lists' common query: `pageIndex`, `pageSize` (5-100) and `search` (≤ 100). */
export const pageQueryShape = {
  pageIndex: pageIndexSchema,
  pageSize: pageSizeSchema,
  search: z.string().max(100, 'must be at most 100 characters').optional(),
}

/** Query of `GET /request`; `subject[...]` arrive as flat keys (`subject[contact]`). */
export const listQuerySchema = z.strictObject({
  ...pageQueryShape,
  internalId: z.string().max(200).optional(),
  'subject[contact]': z.string().min(1).max(254).transform(normalizeContact).optional(),
  'subject[id]': z
    .string()
    .regex(/^did:web:\S+:user:\d{1,12}$/, 'must be a user DID (did:web:<host>:user:<n>)')
    .optional(),
  'subject[internalId]': z.string().min(1).max(200).optional(),
})
