import { defineLibraryConfig } from '../../vite.lib.config.ts'

// A Node library: built-ins and jose stay imports, so the bundle holds only this package's code.
export default defineLibraryConfig({
  packageDir: import.meta.dirname,
  external: [/^node:/, 'jose'],
})
