import { logFormatOf, summaryLine } from './child-logs';

describe('the children logs of npm start', () => {
  it('is pretty unless LOG_FORMAT asks for json, and refuses anything else', () => {
    expect(logFormatOf(undefined)).toBe('pretty');
    expect(logFormatOf('')).toBe('pretty');
    expect(logFormatOf('pretty')).toBe('pretty');
    expect(logFormatOf('json')).toBe('json');
    expect(() => logFormatOf('xml')).toThrow('LOG_FORMAT must be json or pretty, not "xml"');
  });

  it('shows warnings and errors in words, with the error message', () => {
    expect(summaryLine('api', '{"level":40,"time":1,"msg":"slow query"}')).toBe(
      '[api] warn: slow query',
    );
    expect(
      summaryLine('worker', '{"level":50,"msg":"render failed","err":{"message":"timeout"}}'),
    ).toBe('[worker] error: render failed (timeout)');
    expect(summaryLine('api', '{"level":60,"msg":"out of memory"}')).toBe(
      '[api] fatal: out of memory',
    );
  });

  it('keeps routine lines off the terminal', () => {
    expect(
      summaryLine(
        'api',
        '{"level":30,"context":"RouterExplorer","msg":"Mapped {/api/v1/studies, GET} route"}',
      ),
    ).toBeNull();
    expect(summaryLine('api', '{"level":20,"msg":"debug"}')).toBeNull();
    expect(summaryLine('api', '   ')).toBeNull();
  });

  it('shows a line that is not JSON as it is: a stack trace must not vanish', () => {
    expect(summaryLine('api', 'Error: listen EADDRINUSE :::3000')).toBe(
      '[api] Error: listen EADDRINUSE :::3000',
    );
    expect(summaryLine('api', '42')).toBe('[api] 42');
  });
});
