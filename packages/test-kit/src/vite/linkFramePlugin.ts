// Serves the kit's fake Link frame page (frame/index.html) from a Vite server, for the e2e
// fixture servers and for Storybook, so both embed the same frame.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

const frameDir = fileURLToPath(new URL('../frame/', import.meta.url))
const frameScript = path.join(frameDir, 'framePage.ts')

/** The frame page's HTML with its script at `src` (Vite resolves the rest). */
function framePage(src: string): string {
  return readFileSync(path.join(frameDir, 'index.html'), 'utf8').replace(
    'src="./framePage.ts"',
    `src="${src}"`,
  )
}

export interface LinkFramePluginOptions {
  /**
   * For `vite build`: also emit the page at `<staticPath>index.html` (session id = the last
   * segment of the path), since a static host cannot route `/link/<anything>` to one page.
   * Without it the build emits nothing.
   */
  staticPath?: string
}

/**
 * The fake Link frame at `/link/<sessionId>` on the dev server, as the Link service serves its
 * page: real sealing, real postMessage, scenarios from the Link URL's query (see
 * `frame/framePage.ts`). Pages address it through the other loopback name of the same port
 * (`localhost` vs `127.0.0.1`), so the frame really is cross-origin to them.
 */
export function linkFramePlugin(options: LinkFramePluginOptions = {}): Plugin {
  let frameId = ''
  return {
    name: 'humanos-link:test-kit-frame',
    config(config, { command }) {
      if (command !== 'build' || !options.staticPath) return
      const root = path.resolve(config.root ?? process.cwd())
      frameId = path.join(root, options.staticPath, 'index.html')
      config.build ??= {}
      const rolldown = (config.build.rolldownOptions ??= {})
      const input = rolldown.input
      const inputs = typeof input === 'string' ? [input] : Array.isArray(input) ? input : []
      rolldown.input =
        input && !Array.isArray(input) && typeof input === 'object'
          ? { ...input, linkFrame: frameId }
          : [...inputs, frameId]
    },
    resolveId(source) {
      return frameId && source === frameId ? frameId : null
    },
    load(id) {
      return frameId && id === frameId ? framePage(frameScript) : null
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://frame.invalid')
        if (!url.pathname.startsWith('/link/') || url.pathname.includes('.')) return next()
        server
          .transformIndexHtml(url.pathname + url.search, framePage(`/@fs${frameScript}`))
          .then((html) => {
            res.setHeader('Content-Type', 'text/html; charset=utf-8')
            res.setHeader('Cache-Control', 'no-store')
            res.end(html)
          })
          .catch(next)
      })
    },
  }
}
