import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

/**
 * Only our own scripts, no inline script, no plugins, no third-party requests. Added at build time: the dev
 * server injects inline styles and a websocket client that a strict policy would block.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
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

export default defineConfig({
  base: process.env.BASE ?? '/',
  plugins: [svelte(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    // The benchmark and CI read the manifest to measure what loads before the first card.
    manifest: true,
  },
  preview: { port: 4173, strictPort: true },
});
