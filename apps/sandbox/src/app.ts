import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { apiAuth } from './api/apiAuth.js'
import { credentialRoutes } from './api/credentialRoutes.js'
import { evidenceRoutes } from './api/evidenceRoutes.js'
import { userRoutes } from './api/userRoutes.js'
import { catalogRoutes } from './api/catalogRoutes.js'
import { didRoutes } from './api/didRoutes.js'
import { requestRoutes } from './api/requestRoutes.js'
import type { SandboxContext } from './context.js'
import type { AppEnv } from './http/appEnv.js'
import { DomainError } from './flow/domainError.js'
import { domainErrorResponse } from './http/domainStatus.js'
import { embedScriptRoutes } from './http/embedScript.js'
import { hostGuard } from './http/hostGuard.js'
import { HttpError, errorBody, errorResponse } from './http/httpError.js'
import { staticRoutes } from './http/staticFiles.js'
import { wellKnownRoutes } from './http/wellKnownRoutes.js'
import { linkPageScriptRoutes } from './link/linkPageScript.js'
import { linkRoutes } from './link/linkRoutes.js'
import { mandateRoutes } from './mandates/mandateRoutes.js'
import { sandboxRoutes } from './sandbox/sandboxRoutes.js'

/** The sandbox's HTTP app: every route, with one error format for every failure. */
export function createApp(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.use('*', async (c, next) => {
    const started = performance.now()
    await next()
    c.header('X-Content-Type-Options', 'nosniff')
    if (!c.res.headers.has('Referrer-Policy')) c.header('Referrer-Policy', 'no-referrer')
    if (ctx.config.logRequests) {
      const ms = (performance.now() - started).toFixed(0)
      ctx.log(`${c.req.method} ${c.req.path} ${c.res.status} ${ms} ms`)
    }
  })
  app.use('*', hostGuard(ctx))
  app.use(
    '*',
    bodyLimit({
      maxSize: ctx.config.maxBodyBytes,
      onError: (c) =>
        c.json(errorBody(413, `The body is larger than ${ctx.config.maxBodyBytes} bytes`), 413),
    }),
  )

  const api = apiAuth(ctx)
  // Hono's `/request/*` also matches `/request` itself.
  app.use('/request/*', api)
  app.use('/credential/*', api)
  app.use('/actions/*', api)
  app.use('/activity', api)
  app.use('/receipt/*', api)
  app.use('/evidences/*', api)
  // `/user` only: `/user/<n>/did.json` is a public did:web document.
  app.use('/user', api)
  app.use('/approvals', api)
  app.use('/workflows', api)
  app.use('/did/*', api)
  app.route('/', requestRoutes(ctx))
  app.route('/', mandateRoutes(ctx))
  app.route('/', credentialRoutes(ctx))
  app.route('/', evidenceRoutes(ctx))
  app.route('/', userRoutes(ctx))
  app.route('/', catalogRoutes(ctx))
  app.route('/', didRoutes(ctx))
  app.route('/', wellKnownRoutes(ctx))
  app.route('/', linkRoutes(ctx))
  app.route('/', sandboxRoutes(ctx))
  app.route('/', embedScriptRoutes())
  app.route('/', linkPageScriptRoutes())
  app.route('/', staticRoutes())

  app.notFound((c) => c.json(errorBody(404, `Cannot ${c.req.method} ${c.req.path}`), 404))
  app.onError((error, c) => {
    if (error instanceof HttpError) return errorResponse(c, error)
    if (error instanceof DomainError) return domainErrorResponse(c, error)
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(errorBody(error.status, error.message || 'Bad request'), error.status)
    }
    // Never a stack trace to the caller: the details go to the sandbox's own log.
    ctx.log(`${c.req.method} ${c.req.path} failed: ${error.stack ?? error.message}`)
    return c.json(errorBody(500, 'Internal server error'), 500)
  })
  return app
}
