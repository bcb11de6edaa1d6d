import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const TEST_TMP = path.join(ROOT, ".tmp", "test");
/** Migrated, empty. */
export const BASE_DB = path.join(TEST_TMP, "base.db");
/** Migrated and seeded with the demo data, for end-to-end tests. */
export const SEEDED_DB = path.join(TEST_TMP, "seeded.db");
