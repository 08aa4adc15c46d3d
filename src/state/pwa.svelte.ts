/** Install, update and storage-persistence state of the app as an installed PWA. */
import type { Store } from '../adapters/store.ts';
import type { ServiceWorkerBridge } from '../adapters/service-worker.ts';

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export type StorageStatus = 'unknown' | 'persistent' | 'refused' | 'unsupported';
/**
 * Whether the app works with no network yet: on a first visit it does only once the service worker has cached
 * everything (`preparing` → `ready`); `failed` when that did not succeed this visit; `cached` on later visits.
 */
export type OfflineStatus = 'cached' | 'preparing' | 'ready' | 'failed' | 'unsupported';

export function isIosSafari(nav: Navigator): boolean {
  const ios = /iphone|ipad|ipod/i.test(nav.userAgent) || (nav.platform === 'MacIntel' && nav.maxTouchPoints > 1);
  return ios && !/crios|fxios|edgios/i.test(nav.userAgent);
}

export function isStandalone(): boolean {
  return matchMedia('(display-mode: standalone)').matches || (navigator as Navigator & { standalone?: boolean }).standalone === true;
}

const INSTALL_DISMISSED_KEY = 'repaso.installDismissed';

function readDismissed(): boolean {
  try {
    return localStorage.getItem(INSTALL_DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

export class Pwa {
  updateReady = $state(false);
  installable = $state(false);
  installed = $state(isStandalone());
  storage = $state<StorageStatus>('unknown');
  offline = $state<OfflineStatus>('cached');
  /** "Not now" on the install panel. Kept per browser (installing is per browser), not in the database. */
  installDismissed = $state(readDismissed());
  private installPrompt: InstallPromptEvent | null = null;
  private bridge: ServiceWorkerBridge | null = null;

  constructor() {
    // The browser offers installation once, early: keep the event for the "Install app" button.
    addEventListener('beforeinstallprompt', (event) => {
      event.preventDefault();
      this.installPrompt = event as InstallPromptEvent;
      this.installable = true;
    });
    addEventListener('appinstalled', () => {
      this.installed = true;
      this.installable = false;
    });
  }

  get showIosHowTo(): boolean {
    return !this.installed && !this.installDismissed && isIosSafari(navigator);
  }

  dismissInstall(): void {
    this.installDismissed = true;
    try {
      localStorage.setItem(INSTALL_DISMISSED_KEY, '1');
    } catch {
      // Storage refused (private mode): the panel stays away until the page is reloaded.
    }
  }

  async startServiceWorker(): Promise<void> {
    if (!('serviceWorker' in navigator)) {
      this.offline = 'unsupported';
      return;
    }
    if (import.meta.env.DEV) return;
    if (!navigator.serviceWorker.controller) this.offline = 'preparing';
    const { startServiceWorker } = await import('../adapters/service-worker.ts');
    this.bridge = startServiceWorker({
      onUpdateReady: () => (this.updateReady = true),
      onOfflineReady: () => (this.offline = 'ready'),
      onInstallFailed: () => (this.offline = 'failed'),
    });
  }

  async applyUpdate(): Promise<void> {
    await this.bridge?.activateUpdate();
  }

  async install(): Promise<void> {
    const prompt = this.installPrompt;
    if (!prompt) return;
    await prompt.prompt();
    const { outcome } = await prompt.userChoice;
    this.installPrompt = null;
    this.installable = false;
    if (outcome === 'accepted') this.installed = true;
  }

  /** Reads whether storage is persistent without asking. */
  async checkStorage(): Promise<void> {
    if (!navigator.storage?.persisted) {
      this.storage = 'unsupported';
      return;
    }
    this.storage = (await navigator.storage.persisted()) ? 'persistent' : 'unknown';
  }

  /** After the first review session: ask once for persistent storage, and remember the answer. */
  async askForPersistence(store: Store): Promise<void> {
    if (!navigator.storage?.persist) {
      this.storage = 'unsupported';
      return;
    }
    if (await navigator.storage.persisted()) {
      this.storage = 'persistent';
      return;
    }
    const asked = await store.settings.get('persistenceAsked');
    const granted = asked ? false : await navigator.storage.persist();
    if (!asked) await store.settings.put('persistenceAsked', true);
    this.storage = granted ? 'persistent' : 'refused';
  }
}
