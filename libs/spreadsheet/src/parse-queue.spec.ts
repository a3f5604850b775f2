import { ParseQueue } from './parse-queue';

/** A parse that ends when the test says so. */
function heldParse(log: string[], name: string) {
  let end: (ok: boolean) => void = () => undefined;
  const parse = () =>
    new Promise<string>((resolve, reject) => {
      log.push(`${name} started`);
      end = (ok) => (ok ? resolve(name) : reject(new Error(`${name} stopped`)));
    });
  return { parse, end: (ok: boolean) => end(ok) };
}

describe('ParseQueue', () => {
  it('runs as many parses at once as it has threads, the others in their order of arrival', async () => {
    const log: string[] = [];
    const queue = new ParseQueue(2);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => heldParse(log, name));
    const runs = [a, b, c, d].map((p) => queue.run(p.parse));
    await Promise.resolve();
    expect(log).toEqual(['a started', 'b started']);

    b.end(true);
    await expect(runs[1]).resolves.toBe('b');
    expect(log).toEqual(['a started', 'b started', 'c started']);
  });

  it('gives the thread of a stopped parse to the next one', async () => {
    const log: string[] = [];
    const queue = new ParseQueue(1);
    const [a, b] = ['a', 'b'].map((name) => heldParse(log, name));
    const first = queue.run(a.parse);
    const second = queue.run(b.parse);
    a.end(false);
    await expect(first).rejects.toThrow('a stopped');
    expect(log).toEqual(['a started', 'b started']);
    b.end(true);
    await expect(second).resolves.toBe('b');
  });
});
