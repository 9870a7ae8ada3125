import { mergeConfig } from 'vite'
import { defineLibraryConfig } from '../../vite.lib.config.js'

export default mergeConfig(
  defineLibraryConfig({
    packageDir: import.meta.dirname,
    external: ['react', 'react-dom', 'react/jsx-runtime', /^zustand/, /^@humanos-link\/core/],
  }),
  {
    build: {
      rollupOptions: {
        // The entry's `'use client'` is kept on top of `dist/index.js` (src/build.test.ts checks
        // it); the bundler's warning that it "may not be preserved" is noise.
        onwarn(warning: { code?: string }, warn: (warning: { code?: string }) => void) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning)
        },
      },
    },
  },
)
