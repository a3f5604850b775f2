import { isParseStart, ParseTimeBudget, WALL_BACKSTOP_FACTOR } from './parse-time-budget';

/** A budget of 1 s over a thread whose CPU time the test sets. */
function budgetOverCpu(): { budget: ParseTimeBudget; cpu: { ms: number | null } } {
  const cpu: { ms: number | null } = { ms: 5_000 };
  const budget = new ParseTimeBudget(1_000, () => cpu.ms);
  return { budget, cpu };
}

describe('ParseTimeBudget', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('counts nothing before the thread starts the parse, however long it waits', () => {
    const { budget } = budgetOverCpu();
    jest.advanceTimersByTime(100 * 1_000);
    expect(budget.signal.aborted).toBe(false);
  });

  it('aborts once the thread has spent more CPU time on the parse than the budget', () => {
    const { budget, cpu } = budgetOverCpu();
    budget.start({ thread: '1/task/2', cpuMs: 5_000 });
    cpu.ms = 5_900;
    jest.advanceTimersByTime(1_000);
    expect(budget.signal.aborted).toBe(false);
    cpu.ms = 6_010;
    jest.advanceTimersByTime(250);
    expect(budget.signal.aborted).toBe(true);
  });

  it('lets a starved thread take up to five times the budget in wall time, then aborts', () => {
    const { budget, cpu } = budgetOverCpu();
    budget.start({ thread: '1/task/2', cpuMs: 5_000 });
    cpu.ms = 5_500;
    jest.advanceTimersByTime(WALL_BACKSTOP_FACTOR * 1_000);
    expect(budget.signal.aborted).toBe(false);
    jest.advanceTimersByTime(250);
    expect(budget.signal.aborted).toBe(true);
  });

  it('counts wall time from the start where the thread cannot be measured', () => {
    const { budget } = budgetOverCpu();
    budget.start({ thread: null, cpuMs: null });
    jest.advanceTimersByTime(1_000);
    expect(budget.signal.aborted).toBe(false);
    jest.advanceTimersByTime(250);
    expect(budget.signal.aborted).toBe(true);
  });

  it('counts wall time from the start once the CPU time can no longer be read', () => {
    const { budget, cpu } = budgetOverCpu();
    budget.start({ thread: '1/task/2', cpuMs: 5_000 });
    jest.advanceTimersByTime(750);
    cpu.ms = null;
    jest.advanceTimersByTime(250);
    expect(budget.signal.aborted).toBe(false);
    jest.advanceTimersByTime(250);
    expect(budget.signal.aborted).toBe(true);
  });

  it('never aborts a parse that has ended', () => {
    const { budget, cpu } = budgetOverCpu();
    budget.start({ thread: '1/task/2', cpuMs: 5_000 });
    budget.stop();
    cpu.ms = 60_000;
    jest.advanceTimersByTime(10 * 1_000);
    expect(budget.signal.aborted).toBe(false);
  });
});

describe('isParseStart', () => {
  it('takes a thread and its CPU time, or nulls, and nothing else', () => {
    expect(isParseStart({ thread: '1/task/2', cpuMs: 30 })).toBe(true);
    expect(isParseStart({ thread: null, cpuMs: null })).toBe(true);
    expect(isParseStart({ thread: 2, cpuMs: 30 })).toBe(false);
    expect(isParseStart(null)).toBe(false);
    expect(isParseStart('started')).toBe(false);
  });
});
