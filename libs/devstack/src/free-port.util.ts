import { createServer } from 'node:net';

/**
 * Finds a TCP port that can be bound on 127.0.0.1.
 *
 * Resolves to `preferred` when it is free, otherwise to a port chosen by the operating system.
 * The port is released before the promise resolves, so another process could still take it in
 * between; callers start their server right away.
 */
export async function findFreePort(preferred?: number): Promise<number> {
  if (preferred !== undefined) {
    if (!Number.isInteger(preferred) || preferred < 1 || preferred > 65535) {
      throw new RangeError(`Not a TCP port: ${preferred}`);
    }
    const bound = await tryListen(preferred);
    if (bound !== undefined) {
      return bound;
    }
  }
  const bound = await tryListen(0);
  if (bound === undefined) {
    throw new Error('Could not find a free TCP port on 127.0.0.1');
  }
  return bound;
}

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const boundPort = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() => resolve(boundPort));
    });
  });
}
