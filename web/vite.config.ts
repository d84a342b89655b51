import { defineConfig } from 'vite';

// The built app is served by `trm serve` at `/` next to the API at `/api/v1`.
// `base: './'` keeps asset URLs relative so the same build also works when a
// reverse proxy mounts it under a sub-path.
export default defineConfig({
  base: './',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    assetsInlineLimit: 0,
  },
  server: {
    // `npm run dev` talks to a locally running server (TRM_URL or the default port).
    proxy: { '/api': process.env.TRM_URL ?? 'http://127.0.0.1:18080' },
  },
});
