/** The package version, replaced at build time by Vite's `define` (absent when run from source). */
declare const __HUMANOS_LINK_VERSION__: string | undefined
