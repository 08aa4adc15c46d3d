/**
 * Card HTML comes from notes, which may hold anything: it goes through DOMPurify before it is stored, on every
 * path that writes cards (bundled decks, imports, restores). No scripts, handlers, styles, frames, forms,
 * objects or SVG; links only to http(s) or mailto; images only from the deck's own media — remote images are
 * never loaded. Loaded lazily: the daily review path only displays what was already cleaned.
 */
import DOMPurify from 'dompurify';

const FORBID_TAGS = ['style', 'script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'option', 'svg', 'math', 'link', 'meta', 'base', 'template', 'video', 'audio', 'source', 'picture'];
const FORBID_ATTR = ['style', 'srcset', 'formaction', 'action', 'background', 'ping', 'xlink:href'];
const SAFE_LINK = /^(https?:|mailto:)/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Deck images are kept as `data-media` (a path inside the deck folder) and given a real src when displayed. */
export const MEDIA_ATTRIBUTE = 'data-media';

let configured = false;

function configure(): void {
  if (configured) return;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
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
      const src = node.getAttribute('src') ?? '';
      node.removeAttribute('src');
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
  configured = true;
}

export function sanitizeCardHtml(html: string): string {
  // DOMPurify hands back its input untouched where it cannot work; store plain text rather than trust it.
  if (!DOMPurify.isSupported) return escapeText(html.replace(/<[^>]*>/g, ' '));
  configure();
  return DOMPurify.sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
  });
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
