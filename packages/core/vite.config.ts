import { defineConfig } from 'vite'
import { defineLibraryConfig } from '../../vite.lib.config.ts'

// Two builds: `dist/` for production bundles and `dist/development/` (the `development` export
// condition) with the full diagnostics; `vite build --mode development` makes the second.
export default defineConfig(({ mode }) =>
  defineLibraryConfig({
    packageDir: import.meta.dirname,
    entry: { index: 'src/index.ts', 'protocol/index': 'src/protocol/index.ts' },
    external: [/^zustand/],
    development: mode === 'development',
  }),
)
