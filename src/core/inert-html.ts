/**
 * HTML that cannot do anything but show text: plain text and bare formatting tags, with no attribute, comment or
 * other markup. Such HTML needs no sanitizer — there is no attribute to carry a handler or a URL, and none of these
 * elements runs, loads or embeds anything — so the sanitizer lets it through as it is, and a restore need not send
 * it to the page (DOMPurify needs a DOM) at all. Most cards are like this; anything else still goes through
 * DOMPurify. Pure, for the page and the workers alike.
 */

// Only tags DOMPurify keeps under the card configuration (adapters/sanitize.ts), and none its hooks rewrite (a, img).
const INERT_TAG = /<\/?(?:p|br|hr|strong|em|b|i|u|s|del|ins|code|pre|kbd|sub|sup|mark|small|ul|ol|li|dl|dt|dd|blockquote|h[1-6]|table|thead|tbody|tfoot|tr|th|td|span|div)>/y;

export function isInertHtml(html: string): boolean {
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', INERT_TAG.lastIndex)) {
    INERT_TAG.lastIndex = at;
    if (!INERT_TAG.test(html)) return false;
  }
  return true;
}
