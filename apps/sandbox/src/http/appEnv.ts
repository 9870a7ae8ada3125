/** Hono variables the sandbox's middlewares set for its handlers. */
export interface AppEnv {
  Variables: {
    /** The raw request body, read once (it is what the signature covers). */
    rawBody: Uint8Array
  }
}
