// Where the sandbox's own files are, whether it runs from `src/` in this repository (through
// tsx) or from the bundled `dist/` of the published package: both sit one folder below the
// package root, so the root is found by walking up to this package's package.json rather than
// by a fixed number of `..` that only one of the two layouts would satisfy.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE_NAME = '@humanos-link/sandbox'

function findPackageRoot(from: string): string {
  let dir = from
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }
      if (name === PACKAGE_NAME) return dir
    }
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`${PACKAGE_NAME}: cannot find its own package.json`)
    dir = parent
  }
}

const moduleDir = path.dirname(fileURLToPath(import.meta.url))

/** The sandbox package's folder (`apps/sandbox`, or `node_modules/@humanos-link/sandbox`). */
export const PACKAGE_ROOT = findPackageRoot(moduleDir)

/** True when running from the TypeScript sources of this repository, not a built package. */
export const RUNNING_FROM_SOURCE = moduleDir.startsWith(path.join(PACKAGE_ROOT, 'src'))

/** `public/`: the Link page's script and styles, and `/static/` files. */
export const PUBLIC_DIR = path.join(PACKAGE_ROOT, 'public')

/** The version in the sandbox's package.json. */
export const PACKAGE_VERSION = (
  JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version

/**
 * The embed package's `dist/` (the script-tag build the sandbox serves at `/static/`): the
 * workspace package here, the installed dependency in a published sandbox.
 */
export function embedDistDir(): string {
  const require = createRequire(import.meta.url)
  return path.join(path.dirname(require.resolve('@humanos-link/embed/package.json')), 'dist')
}
