import { readFileSync } from 'node:fs'
import type { UserConfig } from 'vite'
import { defineLibraryConfig } from '../../vite.lib.config.js'

const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'))

/** Options both builds share: the version from package.json, injected at build time. */
export const embedDefines: UserConfig['define'] = {
  __HUMANOS_LINK_VERSION__: JSON.stringify(version),
}

// The ES module for bundlers; the core stays an import. vite.iife.config.ts adds the script.
export default {
  ...defineLibraryConfig({ packageDir: import.meta.dirname, external: [/^@humanos-link\/core/] }),
  define: embedDefines,
}
