/** Production build: development-only diagnostics are dropped (see `dev.ts`). */
export const DEV: boolean = false
