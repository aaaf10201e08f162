import "server-only";

/**
 * Starts up, or stops the process with a plain message: a portal that cannot start must not
 * serve. Start-up is imported inside the try so that a failure while loading it (an invalid
 * environment read at import, say) also stops the process instead of escaping to Next, which
 * would log it and serve anyway.
 */
export async function startUpOrExit(): Promise<void> {
  try {
    const { startUp } = await import("@/lib/services/startup");
    await startUp();
  } catch (error) {
    console.error(`\nThe portal cannot start.\n${(error as Error).message}\n`);
    process.exit(1);
  }
}
