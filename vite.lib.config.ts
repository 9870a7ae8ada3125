import { dirname, resolve } from 'node:path'
import { defineConfig } from 'vite'
import type { Plugin, UserConfig } from 'vite'

/** How one package builds: its entry, what stays external, and an optional script-tag bundle. */
export interface LibraryBuildOptions {
  /** The package folder (pass `import.meta.dirname`). */
  packageDir: string
  /**
   * Entry file relative to the package folder (default `src/index.ts`), or several entries by
   * output name (`{ index: 'src/index.ts', 'protocol/index': 'src/protocol/index.ts' }`).
   */
  entry?: string | Record<string, string>
  /** Imports left to the consumer's bundler: dependencies, peer dependencies, `node:` modules. */
  external?: (string | RegExp)[]
  /** Output formats (default both); a Node-only ES module package passes `['es']`. */
  formats?: ('es' | 'cjs')[]
  /** `node` resolves imports with Node's conditions instead of the browser's. */
  platform?: 'browser' | 'node'
  /** Build a single IIFE instead (the script-tag build): global name and output file name. */
  iife?: { name: string; fileName: string }
  /**
   * The development build (into `dist/development`, for the `development` export condition):
   * keeps the core's full diagnostics. Every other build is the production one.
   */
  development?: boolean
}

const CORE_SOURCE = resolve(import.meta.dirname, 'packages/core/src')
const DEV_MODULE = resolve(CORE_SOURCE, 'dev.js')

// The core's development-only diagnostics (long misuse messages, console hints) sit behind
// `DEV` from `src/dev.ts`. A production build swaps that module for `dev.production.ts`
// (`DEV = false`), and the bundler drops every `if (DEV)` branch with its strings. Sources run
// directly (tests, the apps, Vite's dev server) always have them.
const productionDiagnostics: Plugin = {
  name: 'humanos-link:production-diagnostics',
  enforce: 'pre',
  resolveId(source, importer) {
    // Every import of the module, from any folder of the core (`./dev.js`, `../dev.js`).
    if (!importer?.startsWith(CORE_SOURCE) || resolve(dirname(importer), source) !== DEV_MODULE) {
      return null
    }
    return resolve(CORE_SOURCE, 'dev.production.ts')
  },
}

/**
 * The one library build config every package uses: Vite library mode, an ES module and a
 * CommonJS build of each entry (`<name>.js` and `<name>.cjs`, so `require()` works on any Node
 * and under TypeScript's node16 CommonJS resolution; scripts/cjsTypes.mjs writes the matching
 * `.d.cts`), or one minified IIFE for the script tag, source maps, and workspace packages
 * resolved from `src` through the `@humanos-link/source` export condition.
 */
export function defineLibraryConfig(options: LibraryBuildOptions): UserConfig {
  const given = options.entry ?? 'src/index.ts'
  const entry =
    typeof given === 'string'
      ? resolve(options.packageDir, given)
      : Object.fromEntries(
          Object.entries(given).map(([name, file]) => [name, resolve(options.packageDir, file)]),
        )
  const single = typeof given === 'string'
  return defineConfig({
    plugins: options.development ? [] : [productionDiagnostics],
    // A package's public/ folder (the sandbox's Link page files) ships as it is, not in dist/.
    publicDir: false,
    resolve: {
      conditions:
        options.platform === 'node'
          ? ['@humanos-link/source', 'node', 'import']
          : ['@humanos-link/source', 'module', 'browser', 'production'],
    },
    build: {
      outDir: resolve(options.packageDir, options.development ? 'dist/development' : 'dist'),
      emptyOutDir: true,
      sourcemap: true,
      minify: options.iife ? true : false,
      target: 'es2022',
      lib: options.iife
        ? {
            entry,
            name: options.iife.name,
            formats: ['iife'],
            fileName: () => options.iife!.fileName,
          }
        : {
            entry,
            formats: options.formats ?? ['es', 'cjs'],
            fileName: (format, name) =>
              `${single ? 'index' : name}.${format === 'es' ? 'js' : 'cjs'}`,
          },
      rollupOptions: { external: options.iife ? [] : (options.external ?? []) },
    },
  })
}
