import { parse, YAMLError } from 'yaml';

export interface FrontMatter {
  title?: string;
  parent?: string;
  grandParent?: string;
  navOrder?: number;
  tags: string[];
  id?: string;
  lang?: string;
  flashcards: boolean;
}

export interface FrontMatterResult {
  data: FrontMatter;
  /** The note with the front matter block replaced by blank lines, so line numbers stay true. */
  body: string;
  problems: { line: number; message: string }[];
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;
const MAX_ALIASES = 100;

export function splitFrontMatter(text: string): FrontMatterResult {
  const data: FrontMatter = { tags: [], flashcards: true };
  // Only the block's lines are split off: splitting a whole long note to read its first lines is most of the cost.
  const lines: string[] = [];
  let start = 0;
  let end = -1;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const line = text.slice(start, newline < 0 ? text.length : newline);
    if (lines.length === 0 ? !OPEN.test(line) : CLOSE.test(line)) {
      if (lines.length > 0) end = lines.length;
      start = newline < 0 ? text.length + 1 : newline + 1;
      break;
    }
    lines.push(line);
    if (newline < 0) break;
    start = newline + 1;
  }
  if (end < 0) return { data, body: text, problems: [] };

  const yamlSource = lines.slice(1).join('\n');
  const body = '\n'.repeat(end + 1) + text.slice(start);
  const problems: FrontMatterResult['problems'] = [];
  let raw: unknown;
  try {
    raw = parse(yamlSource, { maxAliasCount: MAX_ALIASES, prettyErrors: true });
  } catch (error) {
    const line = error instanceof YAMLError && error.linePos ? error.linePos[0].line + 1 : 1;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push({ line, message: `front matter is not valid YAML (${reason}); the block was ignored` });
    return { data, body, problems };
  }
  if (raw === null || raw === undefined) return { data, body, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ line: 1, message: 'front matter is not a list of `key: value` pairs; it was ignored' });
    return { data, body, problems };
  }
  const fields = raw as Record<string, unknown>;
  data.title = text_(fields.title);
  data.parent = text_(fields.parent);
  data.grandParent = text_(fields.grand_parent);
  data.id = text_(fields.id);
  data.lang = text_(fields.lang);
  const order = Number(fields.nav_order);
  if (fields.nav_order !== undefined && Number.isFinite(order)) data.navOrder = order;
  data.tags = tags(fields.tags);
  data.flashcards = fields.flashcards !== false && fields.flashcards !== 'false';
  return { data, body, problems };
}

function text_(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function tags(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text_).filter((t): t is string => t !== undefined);
  const single = text_(value);
  return single ? single.split(/[,\s]+/).filter(Boolean) : [];
}
