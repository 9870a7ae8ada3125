// Serves the bench pages on http://localhost:<free port>: the host side of every browser
// benchmark. Page scripts are bundled with esbuild against the built packages (`dist/`, what
// integrators install), minified, as a production host would ship them.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { build } from 'esbuild'

const PAGES = {
  // Cross-origin isolated: performance.now() gets 5 µs precision instead of 100 µs. Possible
  // only because this page embeds no frame (isolation would require the frame to opt in).
  decrypt: { script: 'decryptPage.ts', isolated: true },
  // Not isolated, like an ordinary integrator page, so it can embed the Link frame.
  host: { script: 'hostPage.ts', isolated: false },
} as const

export interface PageServer {
  /** `http://localhost:<port>`: the host origin the sandbox must allow. */
  origin: string
  close(): Promise<void>
}

async function bundle(script: string): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'pages', script)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

function html(name: string): string {
  return `<!doctype html><meta charset="utf-8"><title>bench ${name}</title><script type="module" src="/${name}.js"></script><body></body>`
}

export async function startPageServer(): Promise<PageServer> {
  const files = new Map<string, { body: string; type: string; isolated: boolean }>()
  for (const [name, page] of Object.entries(PAGES)) {
    files.set(`/${name}.html`, { body: html(name), type: 'text/html', isolated: page.isolated })
    files.set(`/${name}.js`, {
      body: await bundle(page.script),
      type: 'text/javascript',
      isolated: page.isolated,
    })
  }
  const server = createServer((req, res) => {
    const file = files.get(new URL(req.url ?? '/', 'http://localhost').pathname)
    if (!file) {
      res.writeHead(404).end()
      return
    }
    const headers: Record<string, string> = {
      'content-type': `${file.type}; charset=utf-8`,
      'cache-control': 'no-store',
    }
    if (file.isolated) {
      headers['cross-origin-opener-policy'] = 'same-origin'
      headers['cross-origin-embedder-policy'] = 'require-corp'
    }
    res.writeHead(200, headers).end(file.body)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, 'localhost', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
