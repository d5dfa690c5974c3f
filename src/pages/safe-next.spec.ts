import { safeNext } from './pages.public.controller.js';

describe('safeNext (the target after sign-in)', () => {
  it.each([
    ['/contracts', '/contracts'],
    ['/contracts?page=2#top', '/contracts?page=2#top'],
    ['//evil.example', ''],
    ['/\\evil.example', ''],
    ['/\t/evil.example', ''],
    ['/\n/evil.example', ''],
    ['/\r/evil.example', ''],
    [' //evil.example', ''],
    ['\u0000//evil.example', ''],
    ['/\u3000/evil.example', ''],
    ['https://evil.example', ''],
    ['evil.example', ''],
    ['', ''],
    [undefined, ''],
    [['/a'], ''],
    ['/a\tb', '/ab'],
  ])('%j → %j', (value, target) => {
    expect(safeNext(value)).toBe(target);
  });
});
