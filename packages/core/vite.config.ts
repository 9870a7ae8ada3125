import { defineLibraryConfig } from '../../vite.lib.config.ts'

export default defineLibraryConfig({
  packageDir: import.meta.dirname,
  entry: { index: 'src/index.ts', 'protocol/index': 'src/protocol/index.ts' },
  external: [/^zustand/],
})
