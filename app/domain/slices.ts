/**
 * Long loops on the request path (parsing an upload of thousands of rows) run in
 * slices: after a few milliseconds of work they let the event loop serve other
 * requests, so one big file never freezes the server for everyone.
 */
const SLICE_MS = 8;

export interface Slicer {
  /** True once the current slice has used its time. */
  due(): boolean;
  /** Lets pending requests and I/O run, then starts a new slice. */
  pause(): Promise<void>;
}

export function slicer(sliceMs = SLICE_MS): Slicer {
  let since = performance.now();
  return {
    due: () => performance.now() - since >= sliceMs,
    async pause() {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    },
  };
}
