import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { Hono } from 'hono'
import { PUBLIC_DIR } from '../packagePaths.js'
import type { AppEnv } from './appEnv.js'

/** A URL prefix served from a folder. */
export interface StaticMount {
  prefix: string
  dir: string
  /** `Cross-Origin-Resource-Policy`: `cross-origin` for files host pages load. */
  corp: 'same-origin' | 'cross-origin'
}

/**
 * Where static files live. `/assets/` holds the Link page's own script and styles; `/static/` is
 * for files other origins load (for example the embed package's `humanos-link.js`): drop a file
 * in `public/static/`, or add a mount here pointing at a build output folder.
 */
export const STATIC_MOUNTS: readonly StaticMount[] = [
  { prefix: '/assets/', dir: path.join(PUBLIC_DIR, 'assets'), corp: 'same-origin' },
  { prefix: '/static/', dir: path.join(PUBLIC_DIR, 'static'), corp: 'cross-origin' },
]

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
}

/** The file for a URL path under a mount, or `null`: no traversal, no dotfiles, known types. */
export function resolveStatic(mount: StaticMount, urlPath: string): string | null {
  let relative: string
  try {
    relative = decodeURIComponent(urlPath.slice(mount.prefix.length))
  } catch {
    return null
  }
  if (relative.split('/').some((part) => part === '' || part.startsWith('.'))) return null
  const file = path.resolve(mount.dir, relative)
  if (!file.startsWith(mount.dir + path.sep)) return null
  return TYPES[path.extname(file)] ? file : null
}

/** Serves {@link STATIC_MOUNTS}; files are read on each request, so rebuilds show at once. */
export function staticRoutes(mounts: readonly StaticMount[] = STATIC_MOUNTS): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  for (const mount of mounts) {
    app.get(`${mount.prefix}*`, async (c, next) => {
      const file = resolveStatic(mount, c.req.path)
      const info = file ? await stat(file).catch(() => null) : null
      if (!file || !info?.isFile()) return next()
      return c.body(new Uint8Array(await readFile(file)), 200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'Cross-Origin-Resource-Policy': mount.corp,
      })
    })
  }
  return app
}
