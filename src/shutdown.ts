/**
 * Stopping a running portal, for `main.ts` and for the benchmark's upload server: once, whoever
 * asks first (SIGTERM, SIGINT, a closed stdin). `onStart` turns the instance not-ready at once;
 * then it stops the periodic work (waiting for a running job), closes the server (no new
 * connections; requests under way, uploads included, finish; idle keep-alive connections are
 * closed), then the database pool, and exits 0. Exits 1 when closing fails or takes longer than
 * `graceMs` (config SHUTDOWN_DEADLINE_SECONDS in `main.ts`).
 */

export type ShutdownParts = Readonly<{
  app: { close(): Promise<unknown> };
  db: { destroy(): Promise<unknown> };
  /** What stops first (the job runner, which waits for a running job). */
  stopFirst?: () => Promise<unknown>;
  graceMs: number;
  /** Called once when the shutdown starts, with what asked for it. */
  onStart?: (reason: string) => void;
  onError: (error: unknown) => void;
}>;

export function createShutdown(parts: ShutdownParts): (reason: string) => void {
  let closing = false;
  return (reason) => {
    if (closing) return;
    closing = true;
    parts.onStart?.(reason);
    const force = setTimeout(() => process.exit(1), parts.graceMs);
    force.unref();
    Promise.resolve(parts.stopFirst?.())
      .then(() => parts.app.close())
      .then(() => parts.db.destroy())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        parts.onError(error);
        process.exit(1);
      });
  };
}
