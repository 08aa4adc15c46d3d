/**
 * The raw HTML of docs sites that holds an answer: a collapsed solution (`<details><summary>Posible solución</summary>
 * <pre><code class="language-bash">cat ./-</code></pre></details>`). Cards are Markdown, rendered with HTML off, so
 * such a block is read as the Markdown it stands for; any other HTML stays out of the answer.
 */
import MarkdownIt from 'markdown-it';

const { unescapeAll } = new MarkdownIt().utils;

/** The tags a collapsed solution is written with; a block holding any other is not one. */
const KNOWN_TAG = /<\/?(?:details|summary|pre|code|p|br)(?:\s[^<>]*)?\/?>/gi;
const ANY_TAG = /<\/?[a-z][^<>]*>/i;

const SUMMARY_OPEN = /<summary(?:\s[^<>]*)?>/gi;
const CODE_OPEN = /<pre(?:\s[^<>]*)?>\s*<code(?:\s+class="(?:language-)?([\w+-]+)")?[^<>]*>/gi;
const PRE_CLOSE = /\s*<\/pre>/iy;

/**
 * Each `open … close` of `html` replaced by `render(inner, opening match)`, scanning once: a tag left open (a
 * pasted page can hold thousands) ends the scan instead of being searched for again from every opening.
 */
function replaceElements(html: string, open: RegExp, close: string, render: (inner: string, opened: RegExpExecArray) => string | null): string {
  let out = '';
  let from = 0;
  const lower = html.toLowerCase();
  open.lastIndex = 0;
  for (let opened = open.exec(html); opened; opened = open.exec(html)) {
    const end = lower.indexOf(close, open.lastIndex);
    if (end < 0) break;
    const rendered = render(html.slice(open.lastIndex, end), opened);
    if (rendered === null) continue;
    out += html.slice(from, opened.index) + rendered;
    from = end + close.length;
    open.lastIndex = from;
  }
  return out + html.slice(from);
}

export function htmlAsMarkdown(html: string): string | null {
  if (!/^\s*<\/?(?:details|summary|pre)[\s>]/i.test(html)) return null;
  const fences: string[] = [];
  const withFences = replaceElements(html, CODE_OPEN, '</code>', (code, opened) => {
    PRE_CLOSE.lastIndex = opened.index + opened[0].length + code.length + '</code>'.length;
    if (!PRE_CLOSE.test(html)) return null;
    const text = unescapeAll(code).replace(/\n+$/, '');
    const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`{3,}/g)].map((run) => run[0].length + 1)));
    // The `</pre>` after `</code>` is dropped with the other known tags below.
    return `\n\n\uE001${fences.push(`${fence}${opened[1] ?? ''}\n${text}\n${fence}`) - 1}\uE001\n\n`;
  });
  const marked = replaceElements(withFences, SUMMARY_OPEN, '</summary>', (title) => {
    const label = summaryText(title).replace(/:$/, '');
    return label ? `\n\n**${label}${label.endsWith('?') ? '' : ':'}**\n\n` : '';
  });
  const text = marked.replace(KNOWN_TAG, '\n');
  if (ANY_TAG.test(text)) return null;
  // Fences go back in last: the blank lines and indentation of code are its own.
  return text
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n\n')
    .replace(/\uE001(\d+)\uE001/g, (_mark, i: string) => fences[Number(i)]!);
}

function summaryText(html: string): string {
  return unescapeAll(
    html
      .replace(/<[^<>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/**
 * `<details><summary>¿Qué es un proceso?</summary>…`: a question asked by the summary of a collapsed block (how
 * question lists on GitHub hide their answers), and the Markdown of the rest of the block, which begins its answer.
 */
export function summaryQuestion(html: string): { question: string; rest: string } | null {
  const match = /^\s*(?:<\/details>\s*)?<details(?:\s[^<>]*)?>\s*<summary(?:\s[^<>]*)?>([\s\S]*?)<\/summary>([\s\S]*)$/i.exec(html);
  if (!match) return null;
  const question = summaryText(match[1]!);
  if (!question.endsWith('?') || question.length > 300) return null;
  const rest = htmlAsMarkdown(`<details>${match[2]!}`);
  return rest === null ? null : { question, rest };
}
