import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** A block of the note as CommonMark sees it, with 0-based line ranges [start, end). */
export interface Block {
  type: 'root' | 'heading' | 'paragraph' | 'list' | 'item' | 'blockquote' | 'fence' | 'code' | 'hr' | 'html' | 'table';
  start: number;
  end: number;
  /** Heading level (1–6); 0 otherwise. */
  level: number;
  /** Raw inline Markdown of a heading or paragraph. */
  inline: string;
  markup: string;
  children: Block[];
  parent: Block | null;
  /** The text that stands for the block's lines: what is left of a paragraph whose first line became a label. */
  text?: string;
}

// Raw HTML is recognised here only so that HTML blocks and comments can be skipped; rendering uses its own
// instance with HTML off.
const parser = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
// Cards need block structure; inline syntax matters only to tell navigation and image paragraphs from text, so
// inline parsing runs lazily for the few paragraphs that could be one (see paragraphContent). This halves the cost.
parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
const inlineParser = new MarkdownIt('default', { html: true, linkify: false, typographer: false });

/**
 * markdown-it 15 ships its Token with compiled class fields: each token costs eight calls of a defineProperty helper,
 * about a tenth of extraction. This parser's block state pushes tokens written by plain assignment instead: the same
 * fields in the same order on Token's own prototype, so every Token method and `instanceof` still hold.
 */
const TokenClass = MarkdownIt.Token;
type Nesting = Token['nesting'];

function plainToken(type: string, tag: string, nesting: Nesting): Token {
  const token = Object.create(TokenClass.prototype) as Token;
  token.map = null;
  token.level = 0;
  token.children = null;
  token.content = '';
  token.markup = '';
  token.info = '';
  token.block = false;
  token.hidden = false;
  token.type = type;
  token.tag = tag;
  token.attrs = null;
  token.nesting = nesting;
  token.meta = null;
  return token;
}

class PlainTokenState extends parser.block.State {
  // What StateBlock.push does, with the token built as above.
  override push(type: string, tag: string, nesting: Nesting): Token {
    const token = plainToken(type, tag, nesting);
    token.block = true;
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  }
}
parser.block.State = PlainTokenState;

export function parseTokens(body: string): Token[] {
  return parser.parse(body, {});
}

/**
 * markdown-it stops descending at its nesting limit (100) instead of overflowing the stack, and the text beyond
 * that point is not in the tokens. Returns the 0-based line where that happened, or -1.
 */
export function nestingCutLine(tokens: Token[]): number {
  const limit = parser.options.maxNesting - 1;
  const deepest = tokens.find((token) => token.level >= limit && token.map);
  return deepest?.map ? deepest.map[0] : -1;
}

const CONTAINERS: Record<string, Block['type']> = {
  heading_open: 'heading',
  paragraph_open: 'paragraph',
  bullet_list_open: 'list',
  ordered_list_open: 'list',
  list_item_open: 'item',
  blockquote_open: 'blockquote',
};

const LEAVES: Record<string, Block['type']> = {
  fence: 'fence',
  code_block: 'code',
  hr: 'hr',
  html_block: 'html',
};

/** Builds the block tree iteratively: a 10,000-deep list must not overflow the stack. */
export function buildBlocks(tokens: Token[], lineCount: number): Block {
  const root = block('root', 0, lineCount, null);
  let current = root;
  let tableDepth = 0;
  for (const token of tokens) {
    if (tableDepth > 0) {
      if (token.type === 'table_open') tableDepth++;
      else if (token.type === 'table_close') tableDepth--;
      continue;
    }
    if (token.type === 'table_open') {
      tableDepth = 1;
      current.children.push(block('table', token.map?.[0] ?? current.start, token.map?.[1] ?? current.end, current));
      continue;
    }
    const containerType = CONTAINERS[token.type];
    if (containerType) {
      const child = block(containerType, token.map?.[0] ?? current.start, token.map?.[1] ?? current.end, current);
      if (containerType === 'heading') child.level = Number(token.tag.slice(1));
      child.markup = token.markup;
      current.children.push(child);
      current = child;
      continue;
    }
    if (token.nesting === -1) {
      current = current.parent ?? root;
      continue;
    }
    if (token.type === 'inline') {
      current.inline = token.content;
      continue;
    }
    const leafType = LEAVES[token.type];
    if (leafType && token.map) {
      const leaf = block(leafType, token.map[0], token.map[1], current);
      leaf.markup = token.markup;
      // An HTML block's text, for author markers such as `<!-- no-cards -->`.
      if (leafType === 'html') leaf.inline = token.content;
      current.children.push(leaf);
    }
  }
  return root;
}

function block(type: Block['type'], start: number, end: number, parent: Block | null): Block {
  return { type, start, end, level: 0, inline: '', markup: '', children: [], parent };
}

/** Visits every block in document order without recursion. */
export function* walk(root: Block): Generator<Block> {
  const stack: Block[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/**
 * What a paragraph holds, ignoring whitespace: only links (navigation), only images, nothing, or text.
 * Text inside link labels does not count as text.
 */
export function paragraphContent(paragraph: Block): 'links' | 'images' | 'empty' | 'text' {
  const text = paragraph.inline.trim();
  if (text === '') return 'empty';
  // Anything else must open with a link, an image or an autolink.
  if (text[0] !== '[' && text[0] !== '!' && text[0] !== '<') return 'text';
  let depth = 0;
  let links = 0;
  let images = 0;
  for (const token of inlineParser.parseInline(text, {})[0]?.children ?? []) {
    if (token.type === 'link_open') {
      depth++;
      links++;
    } else if (token.type === 'link_close') depth--;
    else if (token.type === 'image') images++;
    else if (depth === 0) {
      if (token.type === 'softbreak' || token.type === 'hardbreak') continue;
      const text = token.type === 'text' ? token.content.trim() : null;
      if (text === '') continue;
      if (text !== null && LITERAL_IMAGE.test(text)) {
        images++;
        continue;
      }
      if (text !== null && LITERAL_LINK.test(text)) {
        links++;
        continue;
      }
      if (text !== null && WIKILINKS.test(text)) {
        if (text.startsWith('!')) images++;
        else links++;
        continue;
      }
      return 'text';
    }
  }
  if (links > 0) return 'links';
  return images > 0 ? 'images' : 'empty';
}

// CommonMark leaves `![alt](a b.png)` (a space in the URL) as literal text; it is still an image to a reader.
// A destination may hold one level of parentheses: `(GPT (Generative Pre-trained Transformer) 105c….md)`.
const LITERAL_IMAGE = /^(!\[[^\]]*\]\((?:[^()\n]|\([^()\n]*\))*\)\s*)+$/;
// Obsidian's links and embeds: `[[Page]]`, `[[Page|alias]]`, `![[image.png]]`, one or several.
const WIKILINKS = /^(?:!?\[\[[^\]\n]+\]\][\s,;·|–-]*)+$/;
// The same for links between exported notes: `[Context LLM](Context LLM 28ec….md)`.
const LITERAL_LINK = /^(\[[^\]]*\]\((?:[^()\n]|\([^()\n]*\))*\)\s*)+$/;
