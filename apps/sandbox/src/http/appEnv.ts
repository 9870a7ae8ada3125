import type { Organization } from '../db/organizationStore.js'

/** Hono variables the sandbox's middlewares set for its handlers. */
export interface AppEnv {
  Variables: {
    /** The raw request body, read once. */
    rawBody: Uint8Array
    /**
     * The organization the request acts for: the owner of the API key (`apiAuth`), or on
     * `/_sandbox` routes the owner of the Bearer key, else the first organization. Every store
     * read of an organization's resources filters by its `id`.
     */
    org: Organization
    /** Set on Humanos API routes, whose error body carries no `code`. */
    humanosApi: boolean
  }
}
