import { defineLibraryConfig } from '../../vite.lib.config.js'
import { embedDefines } from './vite.config.js'

// dist/humanos-link.js: the whole SDK (core included) in one minified script for a <script>
// tag. It runs after the ES module build and adds to dist/ instead of emptying it.
const config = defineLibraryConfig({
  packageDir: import.meta.dirname,
  entry: 'src/scriptTag.ts',
  iife: { name: 'HumanosLink', fileName: 'humanos-link.js' },
})

export default {
  ...config,
  define: embedDefines,
  build: { ...config.build, emptyOutDir: false },
}
