import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { Hono } from 'hono'
import { embedDistDir } from '../packagePaths.js'
import type { AppEnv } from './appEnv.js'

/** Where the embed package's build is: `packages/embed/dist/` here, the installed one when published. */
export const EMBED_DIST_DIR = embedDistDir()

const FILES: Record<string, string> = {
  'humanos-link.js': 'text/javascript; charset=utf-8',
  'humanos-link.js.map': 'application/json; charset=utf-8',
  // The script's Subresource Integrity value, for <script integrity="…">.
  'humanos-link.js.sri': 'text/plain; charset=utf-8',
}

// Host pages on any origin load the script, as they would from a CDN.
const CROSS_ORIGIN = {
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Access-Control-Allow-Origin': '*',
}

/**
 * `GET /static/humanos-link.js` (and its `.map`): the embed package's script-tag build, so a
 * plain HTML page can use `<script src="<sandbox>/static/humanos-link.js">`. Read from
 * `dir` on every request, so a rebuild shows at once; a clear 404 until it has been built.
 */
export function embedScriptRoutes(dir: string = EMBED_DIST_DIR): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  for (const [name, type] of Object.entries(FILES)) {
    app.get(`/static/${name}`, async (c) => {
      const body = await readFile(path.join(dir, name)).catch(() => null)
      if (!body) {
        return c.text(
          `${name} has not been built yet. Run \`pnpm --filter @humanos-link/embed build\` and reload.\n`,
          404,
          { ...CROSS_ORIGIN, 'Cache-Control': 'no-store' },
        )
      }
      return c.body(new Uint8Array(body), 200, {
        ...CROSS_ORIGIN,
        'Content-Type': type,
        'Cache-Control': 'public, max-age=60',
      })
    })
  }
  return app
}
