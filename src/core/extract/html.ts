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

const SUMMARY = /<summary(?:\s[^<>]*)?>([\s\S]*?)<\/summary>/gi;
const CODE_BLOCK = /<pre(?:\s[^<>]*)?>\s*<code(?:\s+class="(?:language-)?([\w+-]+)")?[^<>]*>([\s\S]*?)<\/code>\s*<\/pre>/gi;

/**
 * The Markdown a block of collapsed-solution HTML stands for: its summary as a bold label, its `<pre><code>` as a
 * fence. '' for a block of wrappers only (`</details>`); null for a block with any other HTML (a `<div>`, a
 * `<script>`, a comment), which is no part of an answer.
 */
export function htmlAsMarkdown(html: string): string | null {
  if (!/^\s*<\/?(?:details|summary|pre)[\s>]/i.test(html)) return null;
  const fences: string[] = [];
  const marked = html
    .replace(CODE_BLOCK, (_block, language: string | undefined, code: string) => {
      const text = unescapeAll(code).replace(/\n+$/, '');
      const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`{3,}/g)].map((run) => run[0].length + 1)));
      return `\n\n\uE001${fences.push(`${fence}${language ?? ''}\n${text}\n${fence}`) - 1}\uE001\n\n`;
    })
    .replace(SUMMARY, (_summary, title: string) => {
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
