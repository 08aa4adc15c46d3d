/**
 * The service worker: the app shell, every bundled deck and image precached at install, every navigation answered
 * with the app, old caches removed, and a waiting version activated only when the user asks ("Reload").
 *
 * A deck file that is not a deck — a host's HTML page for a missing file, answered with 200 — is never cached:
 * installing this version fails, the version before stays, and the next visit tries again, so the app is never
 * stuck with a broken deck once the host is fixed.
 */
import { clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isDeckFile, isDeckIndex } from '../core/deck-files.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

const DECK_FILE = /\/decks\/[^/]+\.json$/;

async function isDeckResponse(url: string, response: Response): Promise<boolean> {
  if (!response.ok || /html/i.test(response.headers.get('content-type') ?? '')) return false;
  try {
    const value: unknown = await response.clone().json();
    return url.endsWith('/decks/index.json') ? isDeckIndex(value) : isDeckFile(value);
  } catch {
    return false;
  }
}

addPlugins([
  {
    cacheWillUpdate: async ({ request, response }) => (!DECK_FILE.test(new URL(request.url).pathname) || (await isDeckResponse(request.url, response)) ? response : null),
  },
]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
// The first visit's worker controls the page at once, so "Reload" works on a first visit too.
clientsClaim();

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
