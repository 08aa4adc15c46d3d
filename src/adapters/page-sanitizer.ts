/** The page's one card sanitizer: DOMPurify's hooks are global, so it is configured once and shared. */
import DOMPurify from 'dompurify';
import { createCardSanitizer, type CardSanitizer } from './sanitize.ts';

let shared: CardSanitizer | null = null;

export function pageSanitizer(): CardSanitizer {
  shared ??= createCardSanitizer(DOMPurify);
  return shared;
}
