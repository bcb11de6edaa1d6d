/**
 * How a bar chart names its bars without cutting a name (a cut "Taller: Comerciali…" twice reads
 * as one workshop): each name on at most `maxLines` lines of `maxChars`, broken between words;
 * when one does not fit, every bar gets a number and the names go in a legend below the chart.
 */
export type ChartLabels = { numbered: false; lines: string[][] } | { numbered: true };

/** The words of `label` in lines of at most `maxChars` characters; null if a word alone is longer. */
export function wrapLabel(label: string, maxChars: number): string[] | null {
  const lines: string[] = [];
  for (const word of label.trim().split(/\s+/).filter(Boolean)) {
    if (word.length > maxChars) return null;
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [""];
}

export function layOutLabels(labels: string[], maxChars: number, maxLines: number): ChartLabels {
  const lines: string[][] = [];
  for (const label of labels) {
    const wrapped = wrapLabel(label, maxChars);
    if (!wrapped || wrapped.length > maxLines) return { numbered: true };
    lines.push(wrapped);
  }
  return { numbered: false, lines };
}
