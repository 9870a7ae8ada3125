import { defineLibraryConfig } from '../../vite.lib.config.ts'

export default defineLibraryConfig({
  packageDir: import.meta.dirname,
  external: [/^zustand/],
})
