import type { Problem } from "./problem";

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

function seconds(stamp: string): number | null {
  const m = TIMESTAMP.exec(stamp);
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

export interface Cue {
  start: number;
  end: number;
  text: string;
}

/**
 * Validates a WebVTT file (the parts browsers insist on: the signature, cue
 * timings, start before end) and returns its cues, e.g. for a transcript.
 */
export function parseWebVtt(source: string, file: string): { cues: Cue[]; problems: Problem[] } {
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const problems: Problem[] = [];
  const cues: Cue[] = [];
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? "")) {
    return {
      cues,
      problems: [{ file, line: 1, col: 1, message: 'not a WebVTT file: the first line must be "WEBVTT"' }],
    };
  }
  let i = 1;
  // Header lines until the first blank line.
  while (i < lines.length && lines[i]!.trim() !== "") i++;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === "") i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== "") block.push(lines[i++]!);
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(block[0]!)) continue;
    const timingIndex = block[0]!.includes("-->") ? 0 : 1;
    const timing = block[timingIndex];
    const line = blockStart + timingIndex + 1;
    const match = timing ? /^(\S+)[ \t]+-->[ \t]+(\S+)/.exec(timing) : null;
    if (!match) {
      problems.push({
        file,
        line,
        col: 1,
        message: 'WebVTT: expected a cue timing such as "00:00:01.000 --> 00:00:04.000"',
      });
      continue;
    }
    const start = seconds(match[1]!);
    const end = seconds(match[2]!);
    if (start === null || end === null) {
      problems.push({ file, line, col: 1, message: `WebVTT: invalid timestamp in "${timing}"` });
      continue;
    }
    if (end <= start) problems.push({ file, line, col: 1, message: "WebVTT: a cue must end after it starts" });
    cues.push({
      start,
      end,
      text: block
        .slice(timingIndex + 1)
        .join("\n")
        .replace(/<[^>]+>/g, ""),
    });
  }
  if (!problems.length && cues.length === 0)
    problems.push({ file, line: 1, col: 1, message: "WebVTT: the file has no cues" });
  return { cues, problems };
}
