// An Express 5 backend for a plain HTML page: the page loads the script-tag build of the SDK
// from this server, asks it for a Link, and hands back each decision's attestation to verify.
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import express from 'express'
import { approvals } from './approvals.js'
import { config } from './config.js'
import { webhooks } from './webhooks.js'

const publicDir = fileURLToPath(new URL('../public', import.meta.url))
// The embed package's script-tag build, served from this origin (`script-src 'self'`).
const embedScript = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@humanos-link/embed/package.json')),
  'dist/humanos-link.js',
)

// Nothing inline, no eval, frames only from Humanos, connections only to this server.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  `frame-src ${new URL(config.humanosBaseUrl).origin}`,
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ')

const app = express()
app.disable('x-powered-by')
app.use((_req, res, next) => {
  res.set('Content-Security-Policy', CSP)
  next()
})
// The webhook route reads its body raw: mount it before anything that parses JSON.
app.use(webhooks)
app.use(approvals)
app.get('/humanos-link.js', (_req, res) => res.sendFile(embedScript))
app.use(express.static(publicDir))

app.listen(config.port, config.host, (error) => {
  if (error) throw error
  console.log(`Listening on http://${config.host}:${config.port} (page origin ${config.appOrigin})`)
})
