import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

const fixtures = fileURLToPath(new URL('../e2e/fixtures/', import.meta.url))
const frameScript = path.join(fixtures, 'frame.ts')
/** Where the static build puts the frame, under the Storybook's own folder. */
export const STATIC_FRAME_PATH = 'link/story/'

/** The fixture's frame page, its script pointed at `src` (the fixture uses a root-relative one). */
function framePage(src: string): string {
  return readFileSync(path.join(fixtures, 'frame.html'), 'utf8').replace(
    'src="/frame.ts"',
    `src="${src}"`,
  )
}

/**
 * Gives the stories a real Link frame: the e2e test frame (`e2e/fixtures/frame.ts`: real
 * sealing, real postMessage, scenarios from the link's query).
 * - Dev server (Storybook and Vitest): served at `/link/<sessionId>`, as the Link service does.
 * - Static build: emitted as `link/story/index.html` (session id `story`), since a static host
 *   cannot route `/link/<anything>` to one page.
 * Stories address it through the other loopback name (`localhost` <-> `127.0.0.1`) of the same
 * port: a different origin, so the frame really is cross-origin to the story.
 */
export function linkFramePlugin(): Plugin {
  let frameId = ''
  return {
    name: 'humanos-link:story-frame',
    config(config, { command }) {
      if (command !== 'build') return
      const root = path.resolve(config.root ?? process.cwd())
      frameId = path.join(root, STATIC_FRAME_PATH, 'index.html')
      config.build ??= {}
      const options = (config.build.rolldownOptions ??= {})
      const input = options.input
      const inputs = typeof input === 'string' ? [input] : Array.isArray(input) ? input : []
      options.input =
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
        const url = new URL(req.url ?? '/', 'http://story.invalid')
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
