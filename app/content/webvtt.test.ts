import { describe, expect, it } from "vitest";
import { parseWebVtt } from "./webvtt";

describe("parseWebVtt", () => {
  it("reads cues with or without identifiers, hours and a BOM, skipping notes", () => {
    const vtt =
      "\uFEFFWEBVTT - subtítulos\n\nNOTE revisado\n\n1\n00:00:01.000 --> 00:00:03.500 align:start\nHola, <b>bienvenida</b>.\n\n00:04.000 --> 00:06.000\nSegunda\nlínea\n";
    const { cues, problems } = parseWebVtt(vtt, "a.vtt");
    expect(problems).toEqual([]);
    expect(cues).toEqual([
      { start: 1, end: 3.5, text: "Hola, bienvenida." },
      { start: 4, end: 6, text: "Segunda\nlínea" },
    ]);
  });
  it("refuses a file without the WEBVTT signature (e.g. SubRip)", () => {
    expect(parseWebVtt("1\n00:00:00,000 --> 00:00:02,000\nHola\n", "a.srt").problems).toEqual([
      { file: "a.srt", line: 1, col: 1, message: 'not a WebVTT file: the first line must be "WEBVTT"' },
    ]);
  });
  it("points at the line of a bad timing", () => {
    const { problems } = parseWebVtt(
      "WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nAl revés\n\n00:00:03,000 --> 00:00:04.000\nComa\n",
      "a.vtt",
    );
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      "3: WebVTT: a cue must end after it starts",
      '6: WebVTT: invalid timestamp in "00:00:03,000 --> 00:00:04.000"',
    ]);
  });
  it("refuses a file with no cues", () => {
    expect(parseWebVtt("WEBVTT\n", "a.vtt").problems[0]?.message).toBe("WebVTT: the file has no cues");
  });
});
