import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { sitePlugin } from './scripts/lib/vite-site-plugin.ts';

export default defineConfig({
  // relative asset paths: the built site works from any sub-path of any static server
  base: './',
  plugins: [svelte(), sitePlugin()],
  build: { target: 'es2022', assetsInlineLimit: 0, chunkSizeWarningLimit: 3000 },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
