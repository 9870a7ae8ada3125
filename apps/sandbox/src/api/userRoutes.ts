import { Hono } from 'hono'
import { z } from 'zod'
import type { SandboxContext } from '../context.js'
import { getUserByContact, getUserById, getUserByInternalId } from '../db/userStore.js'
import { normalizeContact } from '../flow/contacts.js'
import { DomainCodes, DomainError } from '../flow/domainError.js'
import type { ImportResult } from '../flow/userImport.js'
import { importUser, userView } from '../flow/userImport.js'
import type { AppEnv } from '../http/appEnv.js'
import { HttpError } from '../http/httpError.js'
import { describeZodError, parseJsonBody, validate } from '../http/jsonBody.js'
import { idempotent } from './idempotency.js'
import { contactSchema } from './requestSchemas.js'
import { subjectSelectorSchema } from './subjectSelector.js'
import { userNumberOfDid } from './userDids.js'

/** Most users one `POST /user` may import [ours]. */
export const MAX_IMPORT = 100

const importItemSchema = z
  .strictObject({
    contact: contactSchema,
    internalId: z.string().trim().min(1).max(200).optional(),
    extraContacts: z.array(contactSchema).max(10).default([]),
    identity: z.record(z.string(), z.json()).optional(),
  })
  .refine(
    (item) => new Set([item.contact, ...item.extraContacts]).size === item.extraContacts.length + 1,
    { path: ['extraContacts'], message: 'must not repeat a contact' },
  )

/** `POST /user` and `GET /user` of humanos-api.md. Mounted behind {@link apiAuth}. */
export function userRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.post('/user', (c) =>
    idempotent(ctx, c, async () => {
      const input = parseJsonBody(c.get('rawBody'), ctx.config.maxJsonDepth)
      if (!Array.isArray(input)) {
        throw new HttpError(400, 'body: must be an array of users ({ contact, internalId?, ... })')
      }
      if (input.length === 0 || input.length > MAX_IMPORT) {
        throw new HttpError(400, `body: must list 1-${MAX_IMPORT} users (got ${input.length})`)
      }
      // Each item is judged on its own: one bad item does not refuse the others.
      const items = await Promise.all(input.map((item) => importItemSchema.safeParseAsync(item)))
      const orgId = c.get('org').id
      return () => {
        const now = Date.now()
        const results: ImportResult[] = items.map((parsed) =>
          parsed.success
            ? importUser(ctx, orgId, parsed.data, now)
            : { status: 400, message: describeZodError(parsed.error, 'user') },
        )
        return { status: 200, body: results }
      }
    }),
  )

  app.get('/user', async (c) => {
    const query = await validate(subjectSelectorSchema, c.req.query(), 'query')
    const orgId = c.get('org').id
    let user
    if (query.contact !== undefined) {
      user = getUserByContact(ctx.db, orgId, normalizeContact(query.contact))
    } else if (query.id !== undefined) {
      const n = userNumberOfDid(ctx, query.id)
      user = n === null ? undefined : getUserById(ctx.db, orgId, n)
    } else if (query.internalId !== undefined) {
      user = getUserByInternalId(ctx.db, orgId, query.internalId)
    }
    if (!user) throw new DomainError(DomainCodes.NOT_FOUND, 'User not found')
    return c.json(userView(ctx, user))
  })

  return app
}
