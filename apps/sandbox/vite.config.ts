import { readFileSync } from 'node:fs'
import { defineLibraryConfig } from '../../vite.lib.config.js'

const manifest = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>
}
const dependencies = Object.keys(manifest.dependencies)

// The published sandbox: its own code bundled into dist/index.js (startSandbox) and dist/main.js
// (the CLI); every dependency and Node built-in stays an import, installed beside it.
export default defineLibraryConfig({
  packageDir: import.meta.dirname,
  entry: { index: 'src/index.ts', main: 'src/main.ts' },
  formats: ['es'],
  platform: 'node',
  // esbuild bundles the Link page script only when running from the sources, never from dist/.
  external: [/^node:/, 'esbuild', ...dependencies.map((name) => new RegExp(`^${name}(/|$)`))],
})
