import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** A stable hash of several strings (the order matters, boundaries too). */
export function cacheKey(parts: readonly string[]): string {
  const hash = crypto.createHash("sha256");
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest("hex");
}

export function hashFile(file: string): string | null {
  try {
    return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  } catch {
    return null;
  }
}

export interface CacheEntry<T> {
  /** Every other file the result depends on (project-relative) and its hash when compiled. */
  deps: Record<string, string>;
  value: T;
}

/**
 * Compiled lessons on disk, one JSON file per key. The key covers the compiler
 * version and the lesson file; the entry lists the lesson's other files
 * (images, imported components, captions) with their hashes, and is a miss as
 * soon as one of them changed. Unchanged lessons are never recompiled.
 */
export class DiskCache<T> {
  constructor(
    private readonly dir: string,
    private readonly root: string,
  ) {}

  private file(key: string) {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): { value: T; depsHash: string } | null {
    let entry: CacheEntry<T>;
    try {
      entry = JSON.parse(fs.readFileSync(this.file(key), "utf8")) as CacheEntry<T>;
    } catch {
      return null;
    }
    for (const [dep, hash] of Object.entries(entry.deps)) {
      if (hashFile(path.join(this.root, dep)) !== hash) return null;
    }
    return { value: entry.value, depsHash: cacheKey(Object.entries(entry.deps).flat()) };
  }

  set(key: string, deps: string[], value: T): string {
    const hashes = Object.fromEntries(deps.map((dep) => [dep, hashFile(path.join(this.root, dep)) ?? ""]));
    const target = this.file(key);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Write then rename: parallel builds (tests) never read half a file.
    const temp = `${target}.${process.pid}.${crypto.randomUUID()}.tmp`;
    fs.writeFileSync(temp, JSON.stringify({ deps: hashes, value } satisfies CacheEntry<T>));
    fs.renameSync(temp, target);
    return cacheKey(Object.entries(hashes).flat());
  }
}
