// One way to bundle "what a host imports", shared by the size budgets check
// (scripts/checkHostBundles.mjs) and the size benchmark (bench/sizes): the same esbuild binary
// and the same options size-limit's esbuild plugin uses, so every figure (ours, the peers',
// the budget) comes from one method. One difference: size-limit subtracts what an empty esbuild
// project weighs (46 bytes gzip for an `import` check); these raw figures keep those bytes.
import { createRequire } from 'node:module'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const root = join(import.meta.dirname, '..')

// The esbuild that size-limit runs: resolved through the preset, not a copy of our own, so a
// size-limit upgrade moves both the budget check and the benchmark at once.
const fromRoot = createRequire(join(root, 'package.json'))
const fromPreset = createRequire(fromRoot.resolve('@size-limit/preset-small-lib'))
const fromPlugin = createRequire(fromPreset.resolve('@size-limit/esbuild'))
const esbuild = fromPlugin('esbuild')

/** esbuild's version, printed beside the sizes. */
export const esbuildVersion = esbuild.version

/**
 * Bundles an entry the way size-limit does for a check with `import`: a file that imports the
 * named exports and logs them (so they count as used), minified and tree-shaken, `external`
 * left out. Without `imports`, `from` is bundled as is (a ready-made script).
 * @param {{ from: string, imports?: string, also?: { from: string, imports: string }[],
 *   external?: string[], resolveDir?: string }} entry
 *   `from` is an absolute path, a path starting with `./` (from the repository root) or a
 *   package name resolved from `resolveDir` (default: the repository root); `also` adds more
 *   imports to the same bundle (a peer whose host code imports from two packages)
 * @returns {Promise<Uint8Array>} the minified bundle
 */
export async function bundleEntry(entry) {
  const resolveDir = entry.resolveDir ?? root
  const specifier = (from) => (/^\.{1,2}\//.test(from) ? resolve(root, from) : from)
  const modules = entry.imports ? [{ from: entry.from, imports: entry.imports }] : []
  modules.push(...(entry.also ?? []))
  const contents = modules
    .map(({ from, imports }) => {
      const names = imports.replace(/[{}]/g, '').trim()
      return `import ${imports} from ${JSON.stringify(specifier(from))}\nconsole.log(${names})\n`
    })
    .join('')
  const result = await esbuild.build({
    ...(entry.imports
      ? { stdin: { contents, resolveDir, loader: 'js' } }
      : { entryPoints: [specifier(entry.from)] }),
    bundle: true,
    external: entry.external ?? [],
    minifyIdentifiers: true,
    minifySyntax: true,
    minifyWhitespace: true,
    treeShaking: true,
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0].contents
}

/** Bytes, gzip (level 9) and brotli (quality 11) of a bundle, as size-limit's file plugin. */
export function compressedSizes(code) {
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  }
}

/**
 * The host entries of `.size-limit.json` as `bundleEntry` inputs: its checks' `path`, `import`
 * and `ignore`, so the budget check and the benchmark measure exactly the same bundles.
 * @returns {Promise<{ name: string, limit: string, from: string, imports?: string,
 *   external: string[] }[]>}
 */
export async function hostEntries() {
  const checks = JSON.parse(await readFile(join(root, '.size-limit.json'), 'utf8'))
  return checks.map((check) => ({
    name: check.name,
    limit: check.limit,
    from: join(root, check.path),
    imports: check.import,
    external: check.ignore ?? [],
  }))
}

export { root as repositoryRoot }
