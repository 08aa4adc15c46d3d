/**
 * Card HTML comes from notes, which may hold anything: it goes through DOMPurify before the app stores it.
 * No scripts, handlers, styles, frames, forms, objects or SVG; links only to http(s) or mailto; images only from
 * the deck's own media — remote images are never loaded.
 *
 * Where it runs: the build script sanitizes the decks the app ships (in Node, with jsdom's window), and the
 * in-app import sanitizes notes the user picks. Bundled decks are files of the app's own origin, as trusted as
 * its scripts, so the daily review path never loads DOMPurify; the Content-Security-Policy (no inline handlers,
 * no javascript: URLs, images only from 'self') still guards whatever reaches the page.
 */
import type { DOMPurify } from 'dompurify';
import { isInertHtml } from '../core/inert-html.ts';
import { MEDIA_ATTRIBUTE } from './media.ts';

const FORBID_TAGS = [
  'style',
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'svg',
  'math',
  'link',
  'meta',
  'base',
  'template',
  'video',
  'audio',
  'source',
  'picture',
];
const FORBID_ATTR = ['style', 'srcset', 'formaction', 'action', 'background', 'ping', 'xlink:href'];
// data-media is allowed so that stored card HTML (a restored backup) can be sanitized again and come out the same.
const CONFIG = { FORBID_TAGS, FORBID_ATTR, ADD_ATTR: [MEDIA_ATTRIBUTE], ALLOW_DATA_ATTR: false, ALLOW_UNKNOWN_PROTOCOLS: false };
const SAFE_LINK = /^(https?:|mailto:)/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export interface CardSanitizer {
  sanitize(html: string): string;
  /** Many cards at once, in order; much cheaper than one call per card. */
  sanitizeAll(htmls: string[]): string[];
}

export function createCardSanitizer(purify: DOMPurify): CardSanitizer {
  // DOMPurify hands back its input untouched where it cannot work; refuse to run rather than trust it.
  if (!purify.isSupported) throw new Error('DOMPurify cannot run here: no DOM to sanitize card HTML with');
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (SAFE_LINK.test(href)) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else {
        // Links between notes (relative .md files) lead nowhere inside the app; keep their text only.
        node.removeAttribute('href');
      }
    }
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src') || node.getAttribute(MEDIA_ATTRIBUTE) || '';
      node.removeAttribute('src');
      node.removeAttribute(MEDIA_ATTRIBUTE);
      if (!src || SCHEME.test(src) || src.startsWith('/') || src.split('/').includes('..')) {
        const alt = node.ownerDocument.createElement('span');
        alt.className = 'missing-image';
        alt.textContent = node.getAttribute('alt') || '';
        node.replaceWith(alt);
        return;
      }
      node.setAttribute(MEDIA_ATTRIBUTE, src);
    }
  });

  const purified = (html: string) => purify.sanitize(html, CONFIG);
  /**
   * One DOMPurify pass over many cards, each wrapped in a <section>, instead of one pass (one document) per card.
   * If the wrappers do not come back one per card — only a crafted card can do that — every card is sanitized on
   * its own. Either way every byte goes through DOMPurify.
   */
  const purifiedAll = (htmls: string[]): string[] => {
    if (htmls.length < 2) return htmls.map(purified);
    const fragment = purify.sanitize(htmls.map((html) => `<section>${html}</section>`).join(''), { ...CONFIG, RETURN_DOM_FRAGMENT: true });
    const parts = [...fragment.children];
    if (parts.length !== htmls.length || fragment.childNodes.length !== htmls.length || parts.some((p) => p.tagName !== 'SECTION')) {
      return htmls.map(purified);
    }
    return parts.map((part) => part.innerHTML);
  };
  return {
    sanitize: (html) => (isInertHtml(html) ? html : purified(html)),
    sanitizeAll(htmls) {
      const active = htmls.flatMap((html, i) => (isInertHtml(html) ? [] : [i]));
      const clean = [...htmls];
      purifiedAll(active.map((i) => htmls[i]!)).forEach((html, n) => (clean[active[n]!] = html));
      return clean;
    },
  };
}
