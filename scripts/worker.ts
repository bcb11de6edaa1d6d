/** One worker process of `npm start` with WEB_CONCURRENCY > 1 (scripts/workers.ts): serves only. */
process.env.NODE_ENV = "production";
// Imported after NODE_ENV is set: the server reads it when it loads.
const { startServer } = await import("./server");
await startServer();
export {};
