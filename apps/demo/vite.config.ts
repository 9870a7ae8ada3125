import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The browser only ever calls its own origin: `/api` is proxied to the BFF, which alone holds
// the Humanos key. Webhooks go from Humanos straight to the BFF, never through here.
const bff = process.env.DEMO_BFF_URL || 'http://127.0.0.1:4020'
const proxy = { '/api': { target: bff, changeOrigin: false } }
// No other site may frame the demo's pages and dress up their buttons (clickjacking). The Link
// frame protects the decision itself with its own frame-ancestors; this protects the host page.
const headers = { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' }

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // Workspace packages run from `src` through their `@humanos-link/source` export condition.
  resolve: { conditions: ['@humanos-link/source', 'module', 'browser', 'development|production'] },
  server: {
    host: 'localhost',
    port: 5173,
    strictPort: true,
    proxy,
    headers,
    // Transform the app while the first browser is still on its way, not after it asked.
    warmup: { clientFiles: ['./src/web/main.tsx'] },
  },
  // Pre-bundled at start, so the first page load does not stop to optimize and reload.
  optimizeDeps: {
    include: ['react', 'react/jsx-runtime', 'react-dom/client', '@tanstack/react-query', 'zustand'],
  },
  preview: { host: 'localhost', port: 5173, strictPort: true, proxy, headers },
  // Nothing from the environment reaches the bundle: the web app needs no configuration.
  envPrefix: 'DEMO_PUBLIC_',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // TanStack Query's 'use client' directives mean nothing in a client-only bundle.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning)
      },
    },
  },
  clearScreen: false,
})
