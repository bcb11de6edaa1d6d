import { describe, expect, it } from "vitest";
import { courseProgress, daysBetween, median, type OutlineLesson } from "./progress";

const lesson = (id: number, extra: Partial<OutlineLesson> = {}): OutlineLesson => ({
  id,
  slug: `l${id}`,
  position: id,
  required: true,
  archived: false,
  ...extra,
});

describe("courseProgress", () => {
  const lessons = [lesson(1), lesson(2), lesson(3, { required: false }), lesson(4), lesson(5, { archived: true })];

  it("counts only required, live lessons and rounds down", () => {
    expect(courseProgress(lessons, [])).toMatchObject({
      requiredTotal: 3,
      requiredDone: 0,
      percent: 0,
      complete: false,
    });
    expect(courseProgress(lessons, [1])).toMatchObject({ requiredDone: 1, percent: 33, complete: false });
    expect(courseProgress(lessons, [1, 2, 3])).toMatchObject({ requiredDone: 2, percent: 66, complete: false });
  });

  it("is complete when every required live lesson is done, whatever optional or archived ones say", () => {
    const progress = courseProgress(lessons, [1, 2, 4]);
    expect(progress).toMatchObject({ requiredDone: 3, percent: 100, complete: true, next: null });
    // An archived lesson's old completion does not count, and its absence does not block.
    expect(courseProgress(lessons, [5, 1, 2]).complete).toBe(false);
  });

  it("ignores completions of lessons from elsewhere", () => {
    expect(courseProgress(lessons, [99, 1]).requiredDone).toBe(1);
  });

  it("never completes a course without required lessons", () => {
    expect(courseProgress([lesson(1, { required: false })], [1])).toMatchObject({ percent: 0, complete: false });
    expect(courseProgress([], [])).toMatchObject({ percent: 0, complete: false, next: null });
  });

  it("continues after the furthest finished lesson, in position order", () => {
    const shuffled = [lesson(4), lesson(2), lesson(1), lesson(3, { required: false })];
    expect(courseProgress(shuffled, []).next?.id).toBe(1);
    expect(courseProgress(shuffled, [1]).next?.id).toBe(2);
    expect(courseProgress(shuffled, [1, 2]).next?.id).toBe(3);
  });

  it("goes back to a skipped required lesson when the rest is done", () => {
    expect(courseProgress(lessons, [1, 4]).next?.id).toBe(2);
  });

  it("never suggests an archived lesson", () => {
    expect(courseProgress([lesson(1, { archived: true }), lesson(2)], []).next?.id).toBe(2);
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});

describe("daysBetween", () => {
  it("measures days with one decimal", () => {
    expect(daysBetween("2026-03-01T10:00:00.000Z", "2026-03-04T22:00:00.000Z")).toBe(3.5);
  });
});
