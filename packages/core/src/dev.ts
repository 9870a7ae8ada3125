/**
 * True where the full diagnostics ship: sources and the development build (the `development`
 * export condition, which bundlers set in development). The production build replaces this
 * module with `dev.production.ts`, so `if (DEV)` branches and their long messages are dropped
 * from production bundles (see `vite.lib.config.ts`).
 */
export const DEV: boolean = true
