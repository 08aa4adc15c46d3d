import { StoreError } from '../adapters/store-error.ts';
import { t } from '../i18n/i18n.svelte.ts';

/** A sentence the user can act on, for any failure that reaches a screen. */
export function describeError(error: unknown): string {
  if (error instanceof StoreError) {
    if (error.kind === 'unknown') return t('storage.unknown', { detail: String((error.cause as Error | undefined)?.message ?? error.message) });
    return t(`storage.${error.kind}`);
  }
  return t('storage.unknown', { detail: error instanceof Error ? error.message : String(error) });
}

/** A restore in another window replaced the data: the only way on is a reload, so the notice offers it. */
export function reloadOnReplaced(error: unknown): (() => void) | undefined {
  return error instanceof StoreError && error.kind === 'replaced' ? () => location.reload() : undefined;
}
