import { cpuMsOfStat, ownThreadProcPath, readThreadCpuMs } from './thread-cpu-time.util';

describe('cpuMsOfStat', () => {
  it('adds utime and stime, fields 14 and 15, in ticks of 10 ms', () => {
    const stat = '4242 (node) R 1 4242 4242 0 -1 4194304 5000 0 0 0 150 25 0 0 30 10 12 0 99';
    expect(cpuMsOfStat(stat)).toBe(1_750);
  });

  it('counts the fields after the last parenthesis, whatever the thread is named', () => {
    const stat = '4242 (a) b (c) S 1 4242 4242 0 -1 4194304 5000 0 0 0 7 3 0 0 30 10 12 0 99';
    expect(cpuMsOfStat(stat)).toBe(100);
  });

  it('refuses a line that is no stat line', () => {
    expect(() => cpuMsOfStat('4242 (node)')).toThrow('not a /proc stat line');
  });
});

describe('readThreadCpuMs', () => {
  it('reads the calling thread where /proc has it, and null for a thread that is not there', () => {
    const thread = ownThreadProcPath();
    if (process.platform !== 'linux') {
      expect(thread).toBeNull();
      return;
    }
    expect(thread).toMatch(new RegExp(`^${process.pid}/task/\\d+$`));
    expect(readThreadCpuMs(thread ?? '')).toBeGreaterThanOrEqual(0);
    expect(readThreadCpuMs(`${process.pid}/task/0`)).toBeNull();
  });
});
