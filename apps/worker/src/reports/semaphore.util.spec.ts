import { Semaphore } from './semaphore.util';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('runs at most its permits at once and the rest in order of arrival', async () => {
    const semaphore = new Semaphore(2);
    const started: number[] = [];
    const finish: Array<() => void> = [];
    const tasks = [0, 1, 2, 3].map((i) =>
      semaphore.use(
        () =>
          new Promise<number>((resolve) => {
            started.push(i);
            finish[i] = () => resolve(i);
          }),
      ),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(semaphore.running).toBe(2);
    expect(semaphore.queued).toBe(2);

    finish[1]();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    expect(semaphore.running).toBe(2);

    finish[0]();
    finish[2]();
    await tick();
    finish[3]();
    await expect(Promise.all(tasks)).resolves.toEqual([0, 1, 2, 3]);
    expect(semaphore.running).toBe(0);
    expect(semaphore.queued).toBe(0);
  });

  it('frees the permit of a task that fails', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.use(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(semaphore.use(() => Promise.resolve('next'))).resolves.toBe('next');
    expect(semaphore.running).toBe(0);
  });

  it('refuses zero permits', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
