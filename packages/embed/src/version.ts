// Replaced by Vite's `define` at build time; absent when the sources run without a build.
declare const __HUMANOS_LINK_VERSION__: string | undefined

/**
 * The version of `@humanos-link/embed`, injected from its package.json at build time
 * (`0.0.0-source` when the sources run without a build, as in unit tests).
 */
export const VERSION: string =
  typeof __HUMANOS_LINK_VERSION__ === 'string' ? __HUMANOS_LINK_VERSION__ : '0.0.0-source'
