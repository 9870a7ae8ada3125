import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { createHumanosClient } from '@humanos-link/server'
import { resolveBffConfig } from './config.js'
import type { BffConfig } from './config.js'
import type { BffContext, BffEnv } from './context.js'
import { openDatabase } from './db/database.js'
import { createSqliteReplayStore } from './db/replayStore.js'
import { ApiError, errorBody, errorResponse } from './http/apiError.js'
import { hostGuard } from './http/hostGuard.js'
import { RateLimiter } from './http/rateLimiter.js'
import { attestationRoutes } from './routes/attestationRoutes.js'
import { mandateRoutes } from './routes/mandateRoutes.js'
import { requestRoutes } from './routes/requestRoutes.js'
import { resendRoutes } from './routes/resendRoutes.js'
import { webhookRoutes } from './routes/webhookRoutes.js'
import { csrfGuard } from './session/csrf.js'
import { sessionMiddleware } from './session/sessions.js'

/** A BFF app and what it holds open. */
export interface Bff {
  app: Hono<BffEnv>
  /** Closes the database. Safe to call twice. */
  close(): void
}

/** Options of {@link createBff} besides the configuration. */
export interface CreateBffOptions {
  /** Where log lines go. Default `console.info`, prefixed. */
  log?: (line: string) => void
  /** The `fetch` the Humanos client uses (tests). */
  fetch?: typeof fetch
}

/**
 * The demo's backend for the browser: creates Humanos requests with the API key, records the
 * decisions that arrive by attestation (from the browser) and by webhook (from Humanos), and
 * never answers with a secret. Every failure is a JSON {@link ErrorBody} without a stack.
 * @throws Error for an invalid configuration or a database it cannot open.
 */
export function createBff(options: Partial<BffConfig> = {}, extra: CreateBffOptions = {}): Bff {
  const config = resolveBffConfig(options)
  const db = openDatabase(config.dataFile)
  const log = extra.log ?? ((line: string) => console.info(`[bff] ${line}`))
  const client = {
    apiKey: config.apiKey,
    signatureSecret: config.signatureSecret,
    baseUrl: config.humanosBaseUrl,
    timeoutMs: 10_000,
    fetch: extra.fetch,
  }
  const ctx: BffContext = {
    config,
    db,
    humanos: createHumanosClient(client),
    humanosInteractive: createHumanosClient({ ...client, backoff: { maxRetryAfterMs: 0 } }),
    replayStore: createSqliteReplayStore(db),
    createLimiter: new RateLimiter(config.createLimitPerMinute),
    sessionLimiter: new RateLimiter(config.sessionLimitPerMinute),
    log,
  }

  const app = new Hono<BffEnv>()
  app.use('*', async (c, next) => {
    await next()
    c.header('X-Content-Type-Options', 'nosniff')
  })
  app.use('*', hostGuard(config))
  app.use(
    '*',
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: (c) =>
        errorResponse(
          c,
          new ApiError(
            413,
            'payload_too_large',
            `The body is larger than ${config.maxBodyBytes} bytes`,
          ),
        ),
    }),
  )
  app.get('/api/health', (c) => c.json({ ok: true }))
  // Every other /api route is the browser's: CSRF checks first (so a forged call does not even
  // start a session), then the session that scopes what the route may see.
  app.use('/api/*', csrfGuard(ctx))
  app.use('/api/*', sessionMiddleware(ctx))
  app.route('/', requestRoutes(ctx))
  app.route('/', resendRoutes(ctx))
  app.route('/', attestationRoutes(ctx))
  app.route('/', mandateRoutes(ctx))
  app.route('/', webhookRoutes(ctx))

  app.notFound((c) =>
    errorResponse(c, new ApiError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`)),
  )
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error)
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(
        errorBody(new ApiError(error.status, 'bad_request', 'Bad request')),
        error.status,
      )
    }
    // The details stay in the BFF's log; the browser learns only that it was not its fault.
    log(`${c.req.method} ${c.req.path} failed: ${error.stack ?? error.message}`)
    return c.json(
      errorBody(new ApiError(500, 'internal', 'Something went wrong in the demo BFF')),
      500,
    )
  })

  let closed = false
  return {
    app,
    close() {
      if (closed) return
      closed = true
      db.close()
    },
  }
}
