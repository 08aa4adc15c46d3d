/**
 * The bridge to the service worker that vite-plugin-pwa generates: registration, update checks (when the app
 * becomes visible and hourly), and a reload that activates a waiting version. Loaded after the first screen.
 */
import { registerSW } from 'virtual:pwa-register';

const HOUR = 60 * 60 * 1000;

export interface ServiceWorkerBridge {
  /** Activates the waiting version and reloads into it. */
  activateUpdate(): Promise<void>;
}

/**
 * `onOfflineReady`: the first version finished installing, so the app now works with no network. `onInstallFailed`:
 * installing a version failed (a file could not be cached, say); the browser tries again on a later visit.
 */
export function startServiceWorker(handlers: { onUpdateReady: () => void; onOfflineReady: () => void; onInstallFailed: () => void }): ServiceWorkerBridge {
  const check = (registration: ServiceWorkerRegistration) =>
    registration.update().catch(() => {
      // Offline or the server is down: the next check will try again.
    });
  const update = registerSW({
    immediate: true,
    onNeedRefresh: handlers.onUpdateReady,
    onOfflineReady: handlers.onOfflineReady,
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const watch = (worker: ServiceWorker | null) =>
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'redundant' && !navigator.serviceWorker.controller) handlers.onInstallFailed();
        });
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      setInterval(() => void check(registration), HOUR);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void check(registration);
      });
    },
  });
  return {
    async activateUpdate() {
      // The plugin reloads only a page that was already controlled; on a first visit nothing would happen.
      // Reloading on the controller change works in both cases.
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
      await update(true);
    },
  };
}
