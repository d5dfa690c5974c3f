import { escapeControl, textRow } from './cli-text.js';

describe('escapeControl', () => {
  it.each([
    ['plain text', 'Noor de Vries', 'Noor de Vries'],
    ['LF and TAB', 'a\nb\tc\rd', 'a\\nb\\tc\\rd'],
    ['ESC, BEL and NUL', '\u001b[31mred\u0007\u0000', '\\u001b[31mred\\u0007\\u0000'],
    ['DEL and C1', '\u007f\u009b', '\\u007f\\u009b'],
    ['line separators and bidi overrides', '\u2028\u202e\u2066', '\\u2028\\u202e\\u2066'],
    ['a backslash, so an escape cannot be typed', 'a\\nb', 'a\\\\nb'],
    ['letters beyond ASCII', 'Zoë 日本', 'Zoë 日本'],
  ])('%s', (_case, text, shown) => {
    expect(escapeControl(text)).toBe(shown);
  });
});

describe('textRow', () => {
  it('a cell with LF and TAB stays in its row and column', () => {
    const row = textRow(['x@example.com', 'Eve\nforged@example.com\tCUSTOMER_ADMIN']);
    expect(row.split('\n')).toHaveLength(1);
    expect(row.split('\t')).toEqual(['x@example.com', 'Eve\\nforged@example.com\\tCUSTOMER_ADMIN']);
  });
});
