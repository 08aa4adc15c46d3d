/**
 * One window writes at a time: the Web Locks API's exclusive lock, held for the page's life by the window that
 * writes. Every window, tab and the installed app of one origin share it. Where the API is missing, every window
 * writes, and the checks inside each write keep the data consistent (see Store.writeBasis).
 */
const LOCK_NAME = 'repaso-writer';

export type Claim = 'held' | 'busy';

export interface WriterLock {
  /** Takes the lock when no other window holds it; with `steal`, takes it from the window that does. */
  claim(options: { steal: boolean }): Promise<Claim>;
}

/** `onLost` runs when another window steals the lock from this one. Null where the browser has no Web Locks. */
export function webWriterLock(locks: LockManager | undefined, onLost: () => void): WriterLock | null {
  if (!locks?.request) return null;
  return {
    claim({ steal }) {
      return new Promise<Claim>((resolve, reject) => {
        const request = locks.request(LOCK_NAME, steal ? { steal: true } : { ifAvailable: true }, async (lock) => {
          if (!lock) return resolve('busy');
          resolve('held');
          // Held until the page goes away, or until another window steals it (the request then rejects).
          await new Promise<never>(() => {});
        });
        request.catch((error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') onLost();
          else reject(error);
        });
      });
    },
  };
}
