import { defineLibraryConfig } from '../../vite.lib.config'

export default defineLibraryConfig({
  packageDir: import.meta.dirname,
  external: [/^zustand/],
})
