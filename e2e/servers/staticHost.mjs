// The integrator's page for the embed tests: a plain static server with no bundler, as a CMS or
// a server-rendered app would be. It serves e2e/embed-pages/ and, like a server-rendered app,
// writes the `link` query parameter into the HTML wherever a page says %LINK%.
// Under /strict/ the same pages come with a strict Content-Security-Policy header.
//   node e2e/servers/staticHost.mjs [port]      (default 5186, on localhost)
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'

const root = path.join(import.meta.dirname, '..', 'embed-pages')
const port = Number(process.argv[2] ?? 5186)

/** Where the script and the Link frames come from in the tests: the sandbox and the test frame. */
const SANDBOX = 'http://127.0.0.1:4110'
const TEST_FRAME = 'http://127.0.0.1:5181'

/**
 * Everything not listed is refused (`default-src 'none'`): no inline script, no eval, no style
 * at all (so not even `'unsafe-inline'` for styles), no connections, and no HTML string sinks
 * (Trusted Types). The SDK needs only `script-src` for its own file and `frame-src` for Link.
 */
export const STRICT_CSP = [
  "default-src 'none'",
  `script-src 'self' ${SANDBOX}`,
  `frame-src ${SANDBOX} ${TEST_FRAME}`,
  "require-trusted-types-for 'script'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
}

const escapeAttribute = (value) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://localhost:${port}`)
  if (url.pathname === '/health') return send(res, 200, 'text/plain', 'ok')
  const strict = url.pathname.startsWith('/strict/')
  const relative = (strict ? url.pathname.slice('/strict'.length) : url.pathname).slice(1)
  const file = path.join(root, relative)
  const type = TYPES[path.extname(file)]
  if (!type || !file.startsWith(root + path.sep) || relative.split('/').includes('..')) {
    return send(res, 404, 'text/plain', 'Not found')
  }
  let body
  try {
    body = await readFile(file, 'utf8')
  } catch {
    return send(res, 404, 'text/plain', 'Not found')
  }
  if (type.startsWith('text/html')) {
    body = body.replaceAll('%LINK%', escapeAttribute(url.searchParams.get('link') ?? ''))
  }
  const headers = strict ? { 'Content-Security-Policy': STRICT_CSP } : {}
  send(res, 200, type, body, headers)
}).listen(port, 'localhost')

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers })
  res.end(body)
}
