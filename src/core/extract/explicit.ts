/** R1 — explicit cards: `Question::Answer`, `Question:::Answer` (both ways), as the Obsidian SR plugin writes them. */

export interface ExplicitMatch {
  question: string;
  answer: string;
  bothWays: boolean;
}

const IDENTIFIER = /[A-Za-z0-9_]/;

/**
 * Between two identifier characters, `::` is code's scope operator (`std::vector`, `Result::Ok(x)`, "use
 * std::vector here") unless the line reads as Obsidian's `Term::Definition`: the term is the line's start, or the
 * definition starts with a capital letter, and the definition is text that goes on (a space follows its first word),
 * with no code punctuation on either side.
 */
function isTermSeparator(line: string, at: number, end: number): boolean {
  const question = line.slice(0, at);
  const answer = line.slice(end);
  if (/[<>(){};=]/.test(question) || /[<>(){};=[\]]/.test(answer)) return false;
  const firstWord = /^(\S+)(\s|$)/.exec(answer);
  if (!firstWord || !firstWord[2]) return false;
  return !/\s/.test(question.trim()) || /^\p{Lu}/u.test(answer);
}

/**
 * `Question::Answer` or `Question:::Answer` on one line. Colons inside code spans, links or autolinks do not count,
 * nor code's `::` between identifier characters (see isTermSeparator).
 */
export function matchExplicitLine(line: string): ExplicitMatch | null {
  const masked = maskCodeAndLinks(line);
  let from = 0;
  for (;;) {
    const at = masked.indexOf('::', from);
    if (at < 0) return null;
    let end = at;
    while (masked[end] === ':') end++;
    const run = end - at;
    const before = masked[at - 1] ?? ' ';
    const after = masked[end] ?? ' ';
    if ((run === 2 || run === 3) && (!(IDENTIFIER.test(before) && IDENTIFIER.test(after)) || isTermSeparator(line, at, end))) {
      const question = line.slice(0, at).trim();
      const answer = line.slice(end).trim();
      if (question && answer) return { question, answer, bothWays: run === 3 };
    }
    from = end;
  }
}

function maskCodeAndLinks(line: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return line
    .replace(/(`+)[^`]*?\1/g, blank)
    .replace(/!?\[[^\]]*\]\([^)]*\)/g, blank)
    .replace(/<[a-z][a-z0-9+.-]*:[^>\s]*>/gi, blank)
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, blank);
}
