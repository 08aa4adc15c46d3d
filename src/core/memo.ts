/**
 * A pure function of one string, with its last few thousand answers kept. The extractor's rules each ask about the
 * same titles and lines (is it a callout word, a tutorial step, a generic title…), so one line is looked at many
 * times over; the cache is bounded, and cleared when full, so a huge import does not grow it.
 */
const MAX_KEY = 160;

export function remembered<T>(compute: (text: string) => T, size = 4096): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    // A long text is seldom asked about twice, and hashing it costs more than the answer saves.
    if (text.length > MAX_KEY) return compute(text);
    let answer = answers.get(text);
    if (answer === undefined && !answers.has(text)) {
      answer = compute(text);
      if (answers.size >= size) answers.clear();
      answers.set(text, answer);
    }
    return answer as T;
  };
}
