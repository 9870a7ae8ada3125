import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import type { UserConfig } from 'vite'

/** How one package builds: its entry, what stays external, and an optional script-tag bundle. */
export interface LibraryBuildOptions {
  /** The package folder (pass `import.meta.dirname`). */
  packageDir: string
  /** Entry file relative to the package folder (default `src/index.ts`). */
  entry?: string
  /** Imports left to the consumer's bundler: dependencies, peer dependencies, `node:` modules. */
  external?: (string | RegExp)[]
  /** Build a single IIFE instead (the script-tag build): global name and output file name. */
  iife?: { name: string; fileName: string }
}

/**
 * The one library build config every package uses: Vite library mode, ES module output (or one
 * minified IIFE for the script tag), source maps, and workspace packages resolved from `src`
 * through the `source` export condition.
 */
export function defineLibraryConfig(options: LibraryBuildOptions): UserConfig {
  const entry = resolve(options.packageDir, options.entry ?? 'src/index.ts')
  return defineConfig({
    resolve: { conditions: ['source', 'module', 'browser', 'production'] },
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
        : { entry, formats: ['es'], fileName: () => 'index.js' },
      rollupOptions: { external: options.iife ? [] : (options.external ?? []) },
    },
  })
}
