// The viewer's build: web/ → web/dist, served by `kunafoni serve`. In development (`npx vite web`),
// /api is proxied to a running `kunafoni serve` (port 8040 by default, KUNAFONI_API to change it).
import { defineConfig } from 'vite';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  // the CLI's GEXF writer (src/export/gexf.ts) runs in the viewer too: graphology-gexf's browser build
  resolve: { alias: { 'graphology-gexf': 'graphology-gexf/browser/index.js' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // no inline scripts or styles: the server's CSP allows 'self' only
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': process.env.KUNAFONI_API ?? 'http://127.0.0.1:8040' },
  },
});
