/**
 * Card HTML comes from notes, which may hold anything: it goes through DOMPurify before it reaches the page.
 * No scripts, handlers, styles, frames, forms, objects or SVG; links only to http(s), mailto or the page itself;
 * images only from the app's own deck media — remote images are never loaded.
 */
import DOMPurify from 'dompurify';

const FORBID_TAGS = ['style', 'script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'option', 'svg', 'math', 'link', 'meta', 'base', 'template', 'video', 'audio', 'source', 'picture'];
const FORBID_ATTR = ['style', 'srcset', 'formaction', 'action', 'background', 'ping', 'xlink:href'];
const SAFE_LINK = /^(https?:|mailto:)/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

let configuredFor: string | null = null;

function configure(mediaBase: string): void {
  if (configuredFor === mediaBase) return;
  DOMPurify.removeAllHooks();
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
      if (!src || SCHEME.test(src) || src.startsWith('//') || src.startsWith('/') || src.includes('..')) {
        const alt = node.ownerDocument.createElement('span');
        alt.className = 'missing-image';
        alt.textContent = node.getAttribute('alt') || '';
        node.replaceWith(alt);
        return;
      }
      node.setAttribute('src', mediaBase + src);
      node.setAttribute('loading', 'lazy');
    }
  });
  configuredFor = mediaBase;
}

export function sanitizeCardHtml(html: string, mediaBase: string): string {
  // DOMPurify hands back its input untouched where it cannot work; show plain text rather than trust it.
  if (!DOMPurify.isSupported) return escapeText(html.replace(/<[^>]*>/g, ' '));
  configure(mediaBase);
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
