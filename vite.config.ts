import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Only our own scripts, no inline script, no plugins, no third-party requests. Added at build time: the dev
 * server injects inline styles and a websocket client that a strict policy would block.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Images of imported notes are shown from IndexedDB through object URLs.
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'repaso-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/** Static hosts such as GitHub Pages serve 404.html for unknown paths: make it the app, so deep links open. */
function spaFallbackPage(): Plugin {
  let outDir = 'dist';
  return {
    name: 'repaso-404',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      copyFileSync(join(outDir, 'index.html'), join(outDir, '404.html'));
    },
  };
}

export default defineConfig({
  base: process.env.BASE ?? '/',
  // Tests build a second release from another public folder (changed decks) without touching this one.
  publicDir: process.env.REPASO_PUBLIC_DIR ?? 'public',
  plugins: [
    svelte(),
    contentSecurityPolicy(),
    spaFallbackPage(),
    VitePWA({
      // Our own small service worker (src/workers/sw.ts), so precaching can refuse a deck that is not one.
      strategies: 'injectManifest',
      srcDir: 'src/workers',
      filename: 'sw.ts',
      registerType: 'prompt',
      // Registration happens in src/adapters/service-worker.ts, after the first screen is up.
      injectRegister: false,
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'Repaso',
        short_name: 'Repaso',
        description: 'Spaced repetition from your own Markdown notes, offline. / Repaso espaciado de tus apuntes, sin conexión.',
        lang: 'es',
        dir: 'ltr',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#f6f4ef',
        background_color: '#f6f4ef',
        categories: ['education', 'productivity'],
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The app shell, every deck file and every deck image: after the first visit nothing comes from the network.
        globPatterns: ['**/*.{js,css,html}', 'decks/*.json', 'decks/media/**/*'],
        // A big deck must not break the build (Workbox refuses files over 2 MiB by default).
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
      },
    }),
  ],
  // Module workers (backup and restore, reading imported notes): the CSP allows them with worker-src 'self'.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // The benchmark and CI read the manifest to measure what loads before the first card.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first card needs in one chunk, whatever the lazy screens import: left to itself, the
          // bundler moved a module the entry shares with lazy chunks (the scheduler, once the store's error type)
          // into a chunk of its own whenever an unrelated import between lazy chunks changed.
          groups: [{ name: 'app', tags: ['$initial'] }],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
});
