/**
 * Vite: the demo server (`npm start` runs it through scripts/start.ts, after signing the demo
 * documents into .demo/public with the CLI). The library build joins it in the distribution work.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'demo',
  publicDir: '../.demo/public',
  server: { host: '127.0.0.1', strictPort: true },
  esbuild: { target: 'es2022' },
  build: {
    outDir: '../dist/demo',
    rollupOptions: {
      input: {
        main: resolve('demo/index.html'),
        partner: resolve('demo/partner.html'),
        format11: resolve('demo/format-11.html'),
        inline: resolve('demo/inline.html'),
      },
    },
  },
});
