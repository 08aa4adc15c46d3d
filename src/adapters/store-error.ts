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

/**
 * For a request whose result nobody awaits: if it fails, its transaction aborts and the transaction's own promise
 * says why; without this, an aborted transaction also leaves an unhandled rejection per request.
 */
export const reportedByTransaction = (): void => {};

/**
 * Runs `work` on a readwrite transaction, then waits for the transaction to commit. If `work` throws, the
 * transaction is aborted first: the requests it queued before the throw would otherwise still commit — half a write
 * (a restore's cleared stores without the backup, a rating's state without its log event).
 */
export async function atomically<T>(tx: { readonly done: Promise<void>; abort(): void }, work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    tx.done.catch(reportedByTransaction);
    try {
      tx.abort();
    } catch {
      // Already over: a failed request aborted it, and `error` says why.
    }
    throw error;
  }
  await tx.done;
  return result;
}
