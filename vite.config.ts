import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The staff workspace: built into dist/web and served by the API server under /app/.
export default defineConfig({
  root: `${root}web`,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: `${root}dist/web`,
    emptyOutDir: true,
    // Noto Sans JP arrives as ~120 unicode-range slices per weight; the browser fetches only the ones a page uses.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1100,
    // The portal's map page loads one script of its own; the server finds it through the manifest.
    manifest: true,
    rollupOptions: {
      input: { app: `${root}web/index.html`, 'portal-map': `${root}web/portal-map.tsx` },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3001', '/t': 'http://127.0.0.1:3001' },
  },
});
