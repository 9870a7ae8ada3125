// The Link page's browser script: TypeScript in `page/`, bundled by esbuild into one ES module,
// `/assets/link/main.js` (the page's CSP is `script-src 'self'`, so a same-origin file).
// - A built package serves the file `pnpm --filter @humanos-link/sandbox build` wrote to
//   `public/assets/link/main.js`, through the static mount like the styles.
// - Running from this repository's sources (tsx, Vitest), the sandbox bundles it on first
//   request and again whenever one of its source files changed, so there is no build to forget.
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import type { AppEnv } from '../http/appEnv.js'

/** The URL path of the bundle, as the page shell's `<script src>` names it. */
export const LINK_PAGE_SCRIPT_PATH = '/assets/link/main.js'

// Not `new URL('./page/main.ts', import.meta.url)`: the package build (Vite) would take that for
// an asset and inline the source; only the repository's sources ever bundle the page.
const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'page', 'main.ts')

/** True when this module is the TypeScript source (not bundled into a built package). */
const FROM_SOURCE = import.meta.url.endsWith('.ts')

/** Bundles the page script; `inputs` are the files it was made from (absolute paths). */
export async function bundleLinkPageScript(): Promise<{ code: string; inputs: string[] }> {
  // Only here, in the repository: a built package never bundles, so esbuild stays a dev tool.
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // The protocol from core's sources: no core build needed first.
    conditions: ['@humanos-link/source'],
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    write: false,
    logLevel: 'silent',
  })
  const cwd = process.cwd()
  return {
    code: result.outputFiles[0]!.text,
    inputs: Object.keys(result.metafile.inputs).map((file) => path.resolve(cwd, file)),
  }
}

/** The bundle, rebuilt when a source file's modification time changed. */
function sourceBundle(): () => Promise<string> {
  let cached: { code: string; stamps: Map<string, number> } | null = null
  let pending: Promise<string> | null = null
  const stampsOf = async (files: Iterable<string>) =>
    new Map(
      await Promise.all(
        [...files].map(async (file) => [file, (await stat(file)).mtimeMs] as const),
      ),
    )
  async function fresh(): Promise<string> {
    if (cached) {
      const now = await stampsOf(cached.stamps.keys()).catch(() => null)
      if (now && [...now].every(([file, mtime]) => cached!.stamps.get(file) === mtime)) {
        return cached.code
      }
    }
    const { code, inputs } = await bundleLinkPageScript()
    cached = { code, stamps: await stampsOf(inputs) }
    return code
  }
  return () => (pending ??= fresh().finally(() => (pending = null)))
}

/**
 * `GET /assets/link/main.js` from the sources, when running from them; otherwise nothing (the
 * static mount serves the built file).
 */
export function linkPageScriptRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  if (!FROM_SOURCE) return app
  const bundle = sourceBundle()
  app.get(LINK_PAGE_SCRIPT_PATH, async (c) =>
    c.body(await bundle(), 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Cross-Origin-Resource-Policy': 'same-origin',
    }),
  )
  return app
}
