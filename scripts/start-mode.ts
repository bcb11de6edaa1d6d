/**
 * Imported first by scripts/start.ts. Whether `npm start` prepares the demo data is decided from
 * NODE_ENV as it was given (unset = demo); then NODE_ENV becomes "production" before anything else
 * is loaded: React chooses its build when first loaded, the content build loads it before the
 * server starts, and its development build checks every element (a large share of a report page's CPU).
 */
export const preparesDemoData = process.env.NODE_ENV !== "production" || process.env.SEED_FORCE === "1";
process.env.NODE_ENV = "production";
