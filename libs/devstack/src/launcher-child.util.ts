/**
 * Ends this process as SIGTERM does when the launcher of `npm start` that forked it is gone.
 * The launcher stops its api and worker itself, on Ctrl+C, and waits for them; a launcher that
 * dies without that (killed, crashed) would leave them running with nobody to stop them,
 * holding the port and reconnecting to the embedded PostgreSQL and Redis that went with it. A
 * forked child learns of it by its IPC channel closing. A process started otherwise has no
 * channel and is left alone.
 */
export function endWithLauncher(): void {
  if (process.connected) {
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  }
}
