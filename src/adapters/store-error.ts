/** Storage failures the app can explain, whatever part of the storage they come from. */

/**
 * `stale`: what a write was planned on changed since it was read (another window reviewed the card or imported
 * the deck); `replaced`: another window restored a backup over everything; `elsewhere`: another window of Repaso
 * is the one that writes now.
 */
export type StoreErrorKind = 'quota' | 'blocked' | 'unavailable' | 'closed' | 'stale' | 'replaced' | 'elsewhere' | 'unknown';

/** A storage failure the app can explain: what happened, in words a user understands (see i18n `storage.*`). */
export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    cause: unknown,
  ) {
    super(`storage ${kind}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreError';
  }
}

export function classifyStorageError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return new StoreError('quota', error);
  if (name === 'InvalidStateError' || name === 'TransactionInactiveError') return new StoreError('closed', error);
  if (name === 'SecurityError' || name === 'UnknownError' || name === 'NotFoundError') return new StoreError('unavailable', error);
  return new StoreError('unknown', error);
}

export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw classifyStorageError(error);
  }
}
