// Input of the mandate endpoints. zod, like the rest of the sandbox; errors name each field.
import { z } from 'zod'
import { ACTIVITY_TYPES, ENTITY_TYPES } from './ledger.js'

const wholeNumber = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `must be a whole number from ${min}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .default(fallback)

const page = {
  pageIndex: wholeNumber(0, 1e9, 0),
  pageSize: wholeNumber(5, 100, 10),
  search: z.string().max(100, 'must be at most 100 characters').optional(),
}

/** Query of `GET /actions`. */
export const actionsQuerySchema = z.strictObject(page)

/** Query of `GET /actions/version/:id`. */
export const versionsQuerySchema = z.strictObject({
  ...page,
  active: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .transform((value) => value === 'true')
    .optional(),
})

const token = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^\S+$/, 'must not contain spaces')

/** Body of `POST /credential/vp/:vcId`. */
export const issuePresentationSchema = z.strictObject({ targetVerifier: token(500).optional() })

/** Body of `POST /credential/verify`. */
export const verifySchema = z.strictObject({
  presentation: z.record(z.string(), z.json(), { message: 'must be the presentation object' }),
  executionParams: z.record(z.string(), z.json()).optional(),
  verifier: token(500).optional(),
  challenge: token(200).optional(),
})

/** Body of `DELETE /credential/revoke/:credentialId`. */
export const revokeMandateSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .optional(),
})

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`)
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value)
  }, 'is not a calendar date')

const did = z.string().min(1).max(500)

/** Query of `GET /activity` (after repeated parameters are gathered: only `type` repeats). */
export const activityQuerySchema = z
  .strictObject({
    pageIndex: page.pageIndex,
    pageSize: page.pageSize,
    type: z
      .array(z.enum(ACTIVITY_TYPES, { message: `must be one of ${ACTIVITY_TYPES.join(', ')}` }))
      .optional(),
    entityType: z
      .enum(ENTITY_TYPES, { message: `must be one of ${ENTITY_TYPES.join(', ')}` })
      .optional(),
    entityId: did.optional(),
    actorDid: did.optional(),
    subjectDid: did.optional(),
    dateFrom: day.optional(),
    dateTo: day.optional(),
  })
  .superRefine((query, ctx) => {
    if (query.dateTo !== undefined && query.dateFrom === undefined) {
      ctx.addIssue({ code: 'custom', path: ['dateTo'], message: 'needs dateFrom' })
    }
    if (query.dateFrom && query.dateTo && query.dateTo < query.dateFrom) {
      ctx.addIssue({ code: 'custom', path: ['dateTo'], message: 'must not be before dateFrom' })
    }
  })

/**
 * Gathers a query string: `type` may repeat, any other parameter must be given once (a repeat
 * is kept as an array, which the schema then refuses as not a string).
 */
export function gatherQuery(queries: Record<string, string[]>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(queries).map(([name, values]) => [
      name,
      name === 'type' || values.length > 1 ? values : values[0],
    ]),
  )
}
