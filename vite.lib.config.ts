import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import type { UserConfig } from 'vite'

/** How one package builds: its entry, what stays external, and an optional script-tag bundle. */
export interface LibraryBuildOptions {
  /** The package folder (pass `import.meta.dirname`). */
  packageDir: string
  /**
   * Entry file relative to the package folder (default `src/index.ts`), or several entries as
   * `{ outputName: file }` (a package with subpath exports: `{ index, 'protocol/index' }`).
   */
  entry?: string | Record<string, string>
  /** Imports left to the consumer's bundler: dependencies, peer dependencies, `node:` modules. */
  external?: (string | RegExp)[]
  /** Build a single IIFE instead (the script-tag build): global name and output file name. */
  iife?: { name: string; fileName: string }
}

/**
 * The one library build config every package uses: Vite library mode, ES module output (or one
 * minified IIFE for the script tag), source maps, and workspace packages resolved from `src`
 * through the `@humanos-link/source` export condition.
 */
export function defineLibraryConfig(options: LibraryBuildOptions): UserConfig {
  const given = options.entry ?? 'src/index.ts'
  const entry =
    typeof given === 'string'
      ? resolve(options.packageDir, given)
      : Object.fromEntries(
          Object.entries(given).map(([name, file]) => [name, resolve(options.packageDir, file)]),
        )
  return defineConfig({
    resolve: { conditions: ['@humanos-link/source', 'module', 'browser', 'production'] },
    build: {
      outDir: resolve(options.packageDir, 'dist'),
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
            formats: ['es'],
            fileName: (_format, name) => (typeof given === 'string' ? 'index.js' : `${name}.js`),
          },
      rollupOptions: { external: options.iife ? [] : (options.external ?? []) },
    },
  })
}
