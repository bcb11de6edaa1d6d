/**
 * Generates the video of the lesson "Fotos que venden" (course
 * vender-en-linea-seguro) with Debian tools only, nothing downloaded:
 * slides drawn by ffmpeg, Spanish narration spoken by espeak-ng, captions
 * (es, en) timed from the narration. Outputs, small and committed, go to
 * public/videos/fotos-que-venden/.
 *
 *   npx tsx scripts/make-video-lesson.ts      (needs: ffmpeg, ffprobe, espeak-ng, fonts-dejavu)
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

interface Slide {
  title: string;
  lines: string[];
  /** Narration, one caption per sentence: [Spanish, English]. */
  say: Array<[string, string]>;
}

const slides: Slide[] = [
  {
    title: "Fotos que venden",
    lines: ["Cómo fotografiar sus productos", "con el celular"],
    say: [
      ["Una buena foto vende más que muchas palabras.", "A good photo sells more than many words."],
      ["Le damos cuatro consejos sencillos.", "Here are four simple tips."],
    ],
  },
  {
    title: "1. Luz natural",
    lines: ["Cerca de una ventana", "o afuera, en la sombra", "Sin flash"],
    say: [
      [
        "Tome la foto de día, cerca de una ventana o afuera, en la sombra.",
        "Take the photo by day, near a window or outside in the shade.",
      ],
      ["No use el flash. Cambia los colores.", "Do not use the flash. It changes the colours."],
    ],
  },
  {
    title: "2. Fondo simple",
    lines: ["Una tela lisa o una pared clara", "Solo el producto en la foto"],
    say: [
      [
        "Ponga el producto sobre una tela lisa o frente a una pared clara.",
        "Put the product on a plain cloth or in front of a light wall.",
      ],
      ["Que no se vea nada más.", "Nothing else should be in the picture."],
    ],
  },
  {
    title: "3. Varias fotos",
    lines: ["De frente, de lado, de cerca", "Con una mano o una moneda", "para mostrar el tamaño"],
    say: [
      [
        "Tome varias fotos: de frente, de lado y de cerca.",
        "Take several photos: from the front, from the side and close up.",
      ],
      [
        "Ponga una mano o una moneda al lado, para que se vea el tamaño.",
        "Put a hand or a coin next to it, so people can see the size.",
      ],
    ],
  },
  {
    title: "4. Foto honesta",
    lines: ["Muestre el producto tal como es", "Clientes contentos vuelven"],
    say: [
      [
        "Muestre el producto tal como es, sin filtros que lo cambien.",
        "Show the product as it really is, with no filters that change it.",
      ],
      ["Un cliente contento vuelve a comprar.", "A happy customer comes back to buy again."],
    ],
  },
];

const OUT = path.resolve("public/videos/fotos-que-venden");
const FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
const GAP = 0.4;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "minka-video-"));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
const ffmpeg = (args: string[]) => run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args]);
const duration = (file: string) =>
  Number(
    run("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", file])
      .toString()
      .trim(),
  );

function stamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}.${String(ms % 1000).padStart(3, "0")}`;
}

try {
  fs.mkdirSync(OUT, { recursive: true });
  // Silence in the same format espeak-ng writes (22050 Hz, mono, 16 bit).
  const gap = path.join(work, "gap.wav");
  ffmpeg(["-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono", "-t", String(GAP), "-c:a", "pcm_s16le", gap]);

  const audioList: string[] = [];
  const slideList: string[] = [];
  const cues: Array<{ start: number; end: number; es: string; en: string }> = [];
  let clock = 0;
  slides.forEach((slide, i) => {
    const slideStart = clock;
    slide.say.forEach(([es, en], j) => {
      const wav = path.join(work, `say-${i}-${j}.wav`);
      run("espeak-ng", ["-v", "es-419", "-s", "150", "-w", wav, es]);
      const length = duration(wav);
      cues.push({ start: clock, end: clock + length, es, en });
      audioList.push(`file '${wav}'`, `file '${gap}'`);
      clock += length + GAP;
    });
    // A slide: title and lines drawn on a light background, in the site's colours.
    const png = path.join(work, `slide-${i}.png`);
    const text = (t: string) => {
      const f = path.join(work, `text-${i}-${Math.random().toString(36).slice(2)}.txt`);
      fs.writeFileSync(f, t);
      return f;
    };
    const draws = [
      `drawtext=fontfile=${FONT_BOLD}:textfile=${text(slide.title)}:fontcolor=0x1d5b3a:fontsize=34:x=(w-text_w)/2:y=60`,
      ...slide.lines.map(
        (line, k) =>
          `drawtext=fontfile=${FONT}:textfile=${text(line)}:fontcolor=0x1b1b1b:fontsize=24:x=(w-text_w)/2:y=${150 + k * 44}`,
      ),
    ];
    ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "color=c=0xf3f1ea:s=640x360",
      "-vf",
      ["drawbox=x=0:y=330:w=640:h=30:color=0x1d5b3a:t=fill", ...draws].join(","),
      "-frames:v",
      "1",
      png,
    ]);
    slideList.push(`file '${png}'`, `duration ${(clock - slideStart).toFixed(3)}`);
    if (i === slides.length - 1) slideList.push(`file '${png}'`);
  });

  const narration = path.join(work, "narration.wav");
  fs.writeFileSync(path.join(work, "audio.txt"), audioList.join("\n"));
  ffmpeg(["-f", "concat", "-safe", "0", "-i", path.join(work, "audio.txt"), "-c", "copy", narration]);
  fs.writeFileSync(path.join(work, "slides.txt"), slideList.join("\n"));
  const slidesInput = ["-f", "concat", "-safe", "0", "-i", path.join(work, "slides.txt"), "-i", narration];

  // Static slides compress to almost nothing at a low frame rate; the voice needs little bitrate.
  ffmpeg([
    ...slidesInput,
    "-vf",
    "scale=426:240,fps=5,format=yuv420p",
    "-c:v",
    "libvpx-vp9",
    "-b:v",
    "0",
    "-crf",
    "45",
    "-row-mt",
    "1",
    "-c:a",
    "libopus",
    "-b:a",
    "24k",
    "-ac",
    "1",
    "-shortest",
    path.join(OUT, "fotos-que-venden.webm"),
  ]);
  ffmpeg([
    ...slidesInput,
    "-vf",
    "scale=426:240,fps=5,format=yuv420p",
    "-c:v",
    "libx264",
    "-tune",
    "stillimage",
    "-crf",
    "32",
    "-preset",
    "veryslow",
    "-c:a",
    "aac",
    "-b:a",
    "32k",
    "-ac",
    "1",
    "-movflags",
    "+faststart",
    "-shortest",
    path.join(OUT, "fotos-que-venden.mp4"),
  ]);
  // The data-saver variant: smaller picture, lower voice bitrate.
  ffmpeg([
    ...slidesInput,
    "-vf",
    "scale=256:144,fps=2,format=yuv420p",
    "-c:v",
    "libvpx-vp9",
    "-b:v",
    "0",
    "-crf",
    "50",
    "-row-mt",
    "1",
    "-c:a",
    "libopus",
    "-b:a",
    "12k",
    "-ac",
    "1",
    "-shortest",
    path.join(OUT, "fotos-que-venden-ahorro.webm"),
  ]);
  ffmpeg(["-i", path.join(work, "slide-0.png"), "-vf", "scale=426:240", "-q:v", "6", path.join(OUT, "poster.jpg")]);

  for (const lang of ["es", "en"] as const) {
    const vtt = [
      "WEBVTT",
      "",
      ...cues.flatMap((c, n) => [String(n + 1), `${stamp(c.start)} --> ${stamp(c.end)}`, c[lang], ""]),
    ].join("\n");
    fs.writeFileSync(path.join(OUT, `subtitulos.${lang}.vtt`), vtt);
  }
  for (const file of fs.readdirSync(OUT))
    console.log(
      `${path.join(path.relative(process.cwd(), OUT), file)}  ${fs.statSync(path.join(OUT, file)).size} bytes`,
    );
  console.log(`Duration: ${clock.toFixed(1)} s`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
