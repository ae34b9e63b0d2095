import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (rel: string): string => fileURLToPath(new URL(rel, import.meta.url));

/** Where `vite` (dev server) sends API traffic: a gateway started by `npm start`. */
const gateway = process.env['ROOST_GATEWAY_URL'] ?? 'http://localhost:4000';

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: [
      // twitter-text's ESM build has only a default export; @roost/x-text imports { parseTweet }
      // the CommonJS way, which works against its CJS build, so the bundle uses that one.
      { find: /^twitter-text$/, replacement: here('../../node_modules/twitter-text/dist/index.js') },
      // The composer runs the same reply checks the server runs (@roost/x-text), which need only
      // the PII detector (@roost/classify/pii): the language and sentiment models stay out.
      { find: /^@roost\/classify\/pii$/, replacement: here('../../libs/classify/src/pii.ts') },
      { find: /^@roost\/x-text$/, replacement: here('../../libs/x-text/src/index.ts') },
    ],
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: gateway, ws: true, changeOrigin: true },
      '/media': { target: gateway, changeOrigin: true },
    },
  },
});
