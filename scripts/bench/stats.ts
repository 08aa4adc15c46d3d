export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function timeIt(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export interface Row {
  measure: string;
  value: string;
  target: string;
  verdict: 'ok' | 'MISS' | 'info';
}

export function printTable(title: string, rows: Row[]): void {
  const widths = [Math.max(7, ...rows.map((r) => r.measure.length)), Math.max(5, ...rows.map((r) => r.value.length)), Math.max(6, ...rows.map((r) => r.target.length))];
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 4)).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(['measure', 'value', 'target', 'result']));
  console.log(line(widths.concat(6).map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line([r.measure, r.value, r.target, r.verdict]));
}
