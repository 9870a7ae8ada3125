import { z } from 'zod'

/**
 * The query that names one subject of the organization, as `PATCH /request/resend/:id` and
 * `GET /user` take it (humanos-api.md): exactly one of `contact`, `id` (the user DID) and
 * `internalId`.
 */
export const subjectSelectorSchema = z
  .strictObject({
    contact: z.string().min(1).max(254).optional(),
    id: z.string().min(1).max(300).optional(),
    internalId: z.string().min(1).max(200).optional(),
  })
  .refine(
    (q) => [q.contact, q.id, q.internalId].filter((v) => v !== undefined).length === 1,
    'give exactly one of contact, id, internalId to choose the subject',
  )
