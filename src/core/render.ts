import MarkdownIt from 'markdown-it';

/**
 * Card Markdown → HTML, once, when a deck is built or imported, so the app never ships the parser to show a card.
 * Raw HTML is escaped and markdown-it refuses `javascript:`/`vbscript:`/`data:` links; the app still sanitizes
 * the result with DOMPurify before it touches the page.
 */
export interface RenderOptions {
  /** Maps an image reference from the note to the URL the app should load, or null when it cannot be shown. */
  resolveImage: (src: string) => string | null;
}

const renderer = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

export function renderCardMarkdown(markdown: string, options: RenderOptions): string {
  const env = { options };
  // A paragraph that held only a missing, undescribed image is left empty: drop it.
  return renderer
    .render(withLiteralImages(withWikilinks(withCallouts(withoutBlockIds(markdown)))), env)
    .replace(/<p>\s*<\/p>\n?/g, '')
    .trim();
}

renderer.renderer.rules.image = (tokens, index, _options, env) => {
  const token = tokens[index]!;
  // Notes apps fill alt with the file's name ("image.png", "{2566ACAA-…}.png"): that describes nothing.
  const alt = FILE_NAME_ALT.test(token.content.trim()) ? '' : renderer.utils.escapeHtml(token.content);
  const src = String(token.attrGet('src') ?? '');
  const resolved = (env as { options: RenderOptions }).options.resolveImage(decodeSrc(src));
  // A missing image is a warning of the build, not a hole in the card: its description stays, if it has one.
  if (!resolved) return alt ? `<span class="missing-image">${alt}</span>` : '';
  return `<img src="${renderer.utils.escapeHtml(resolved)}" alt="${alt}">`;
};

const FILE_NAME_ALT = /\.(png|jpe?g|gif|webp|svg|avif|bmp|tiff?)$/i;

function decodeSrc(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/** `![alt](a b.png)`: CommonMark needs `<a b.png>` for a URL with spaces; notes exported from apps omit it. */
function withLiteralImages(markdown: string): string {
  return markdown.replace(/!\[([^\]]*)\]\(([^)<>\n]*\s[^)<>\n]*)\)/g, (whole, alt: string, url: string) => {
    const trimmed = url.trim();
    if (/\s+"[^"]*"$/.test(trimmed) && !/\s/.test(trimmed.replace(/\s+"[^"]*"$/, ''))) return whole;
    return `![${alt}](<${trimmed}>)`;
  });
}

const IMAGE_FILE = /\.(png|jpe?g|gif|webp|svg|avif|bmp)$/i;

/**
 * Obsidian's links and embeds: `[[Page|alias]]` reads as its alias (or the page), `![[diagram.png|300]]` is the
 * image, found by name wherever it is (see DeckBuildOptions.findImage); an embedded note reads as its name.
 */
export function withWikilinks(markdown: string): string {
  if (!markdown.includes('[[')) return markdown;
  return markdown.replace(/(!?)\[\[([^\]|\n]+?)(?:\|([^\]\n]*))?\]\]/g, (_whole, bang: string, target: string, alias?: string) => {
    const page = target.split('#')[0]!.trim();
    if (bang && IMAGE_FILE.test(page)) return `![](<${page}>)`;
    const shown = alias?.trim() && !/^\d+(x\d+)?$/.test(alias.trim()) ? alias.trim() : target.replace('#', ' › ').trim();
    return shown.replace(/[*_`[\]]/g, (c) => `\\${c}`);
  });
}

/** `> [!note] Title` opens an Obsidian callout: in a card, its title in bold, and no `[!note]` marker. */
function withCallouts(markdown: string): string {
  if (!markdown.includes('[!')) return markdown;
  return markdown.replace(/^((?:[ \t]*>)+[ \t]*)\[![a-z-]+\][+-]?[ \t]*(.*)$/gim, (_whole, quote: string, title: string) =>
    title.trim() ? `${quote}**${title.trim()}**` : quote.trimEnd(),
  );
}

/** Obsidian's block ids (`… observed in the data. ^c61435`) name a line for links; a reader does not see them. */
function withoutBlockIds(markdown: string): string {
  return markdown.includes('^') ? markdown.replace(/[ \t]\^[a-z0-9-]{3,}[ \t]*$/gim, '') : markdown;
}
