// Runs once per server process before it takes requests (Next's instrumentation hook).
export async function register(): Promise<void> {
  // Next also evaluates this file for the edge runtime; start-up belongs to the Node.js server.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startUpOrExit } = await import("./lib/services/start-or-exit");
  await startUpOrExit();
}
