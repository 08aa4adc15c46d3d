/**
 * Whether this window is the one that writes (see adapters/writer-lock.ts): `writer`; `elsewhere` when another
 * window held the lock when this one opened; `replaced` when another window took it over from this one.
 */
import type { WriterLock } from '../adapters/writer-lock.ts';

export type WriterStatus = 'checking' | 'writer' | 'elsewhere' | 'replaced';

export class SingleWriter {
  status = $state<WriterStatus>('checking');

  constructor(private readonly lock: WriterLock | null) {}

  /** At start: the writer when no other window is. Without Web Locks every window is. */
  async claim(): Promise<boolean> {
    this.status = !this.lock || (await this.lock.claim({ steal: false })) === 'held' ? 'writer' : 'elsewhere';
    return this.status === 'writer';
  }

  /** "Use here": this window writes from now on; the other one stops and says so. */
  async takeOver(): Promise<void> {
    if (this.lock) await this.lock.claim({ steal: true });
    this.status = 'writer';
  }

  /** Called by the lock when another window took over. */
  lost(): void {
    this.status = 'replaced';
  }
}
