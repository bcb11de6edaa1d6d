import { formatFileSize } from "../../domain/file-size";
import { useLesson } from "./context";

/**
 * The lesson's video (declared in its frontmatter): captions, poster, no bytes
 * loaded before play, its size, a download link, a data-saver choice that is
 * remembered in a cookie, and the transcript under the player.
 */
export function Video() {
  const { t, locale, video, videoQuality, lessonPath } = useLesson();
  if (!video) return null;
  const hasLow = video.sources.some((s) => s.quality === "low");
  const quality = hasLow ? videoQuality : "standard";
  const sources = video.sources.filter((s) => s.quality === quality);
  const main = sources[0]!;
  const size = main.bytes ? formatFileSize(main.bytes, locale) : null;
  const transcript = video.transcript.find((tr) => tr.lang === locale) ?? video.transcript[0];
  const defaultTrack = video.captions.find((c) => c.lang === locale) ?? video.captions[0];
  return (
    <section className="video" id="video" aria-label={t("courses.course.kindVideo")}>
      {size ? <p className="video-size">{t("courses.video.size", { size })}</p> : null}
      <video controls preload="none" poster={video.poster ?? undefined} playsInline>
        {sources.map((s) => (
          <source key={s.url} src={s.url} type={s.type} />
        ))}
        {video.captions.map((c) => (
          <track
            key={c.url}
            kind="captions"
            src={c.url}
            srcLang={c.lang}
            label={c.label}
            default={c === defaultTrack}
          />
        ))}
        <p>{t("courses.video.noSupport")}</p>
      </video>
      <p>
        <a href={main.url} download>
          {size ? t("courses.video.download", { size }) : t("courses.download")}
        </a>
      </p>
      {hasLow ? (
        <form method="post" action={`${lessonPath}#video`} className="video-quality">
          <input type="hidden" name="intent" value="video-quality" />
          <fieldset>
            <legend>{t("courses.video.quality")}</legend>
            <p className="hint">{t("courses.video.lowHint")}</p>
            {(["standard", "low"] as const).map((q) => {
              const variant = video.sources.find((s) => s.quality === q);
              return (
                <label key={q} className="choice">
                  <input type="radio" name="quality" value={q} defaultChecked={q === quality} />
                  {t(`courses.video.${q}`)}
                  {variant?.bytes ? ` (${formatFileSize(variant.bytes, locale)})` : ""}
                </label>
              );
            })}
          </fieldset>
          <button type="submit" className="button small">
            {t("courses.video.saveQuality")}
          </button>
        </form>
      ) : null}
      {transcript ? (
        <details className="transcript">
          <summary>{t("courses.video.transcript")}</summary>
          {transcript.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </details>
      ) : null}
    </section>
  );
}
