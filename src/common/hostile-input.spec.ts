import {
  BODY_LIMITS,
  inspectBody,
  inspectUrl,
  isHostileParameter,
  isHostileText,
} from './hostile-input.js';

describe('hostile text', () => {
  it.each([
    ['NUL', '\u0000', true],
    ['escape', 'a\u001bb', true],
    ['vertical tab', '\u000b', true],
    ['lone high surrogate', 'a\ud800', true],
    ['lone low surrogate', '\udc00b', true],
    ['reversed pair', '\udc00\ud800', true],
    ['a surrogate pair (emoji)', 'ok \ud83d\ude00', false],
    ['tab, CR, LF', 'one\r\n\ttwo', false],
    ['DEL and non-ASCII', '\u007f é \u2028', false],
  ])('%s → hostile in text: %s', (_what, text, hostile) => {
    expect(isHostileText(text)).toBe(hostile);
  });

  it('refuses tab, CR and LF in parameters, where nothing is multi-line', () => {
    for (const control of ['\t', '\r', '\n']) expect(isHostileParameter(`a${control}b`)).toBe(true);
    expect(isHostileParameter('plain value ✓')).toBe(false);
  });
});

describe('inspectBody', () => {
  it('accepts ordinary bodies', () => {
    expect(inspectBody({ title: 'x', items: [1, { a: null }], note: 'a\nb' })).toBeNull();
    expect(inspectBody(undefined)).toBeNull();
  });

  it('names the field holding a control character or lone surrogate', () => {
    expect(inspectBody({ a: { b: ['ok', 'x\u0000'] } })).toEqual({
      field: 'a.b[1]',
      reason: expect.stringMatching(/control characters/),
    });
    expect(inspectBody('\ud800')).toEqual({ field: 'body', reason: expect.any(String) });
    expect(inspectBody({ ['k\u0001']: 1 })?.field).toBe('body');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s anywhere', (key) => {
    expect(inspectBody(JSON.parse(`{"a":{"${key}":{}}}`))).toEqual({
      field: `a.${key}`,
      reason: 'is not an allowed field',
    });
  });

  it('limits nesting, without recursion', () => {
    const nested = (depth: number): unknown => {
      let value: unknown = 1;
      for (let i = 0; i < depth; i++) value = { a: value };
      return value;
    };
    expect(inspectBody(nested(BODY_LIMITS.depth))).toBeNull();
    expect(inspectBody(nested(BODY_LIMITS.depth + 1))?.reason).toMatch(/nested/);
    expect(inspectBody(nested(100_000))?.reason).toMatch(/nested/);
  });

  it('limits keys and items over the whole body', () => {
    const wide = Array.from({ length: BODY_LIMITS.entries + 1 }, (_, i) => i);
    expect(inspectBody(wide.slice(1))).toBeNull();
    expect(inspectBody(wide)).toEqual({ field: 'body', reason: expect.stringMatching(/at most/) });
  });
});

describe('inspectUrl', () => {
  it.each([
    ['/api/contracts?page=2&pageSize=10', null],
    ['/login?next=%2Fcontracts%3Fa%3D1', null],
    ['/api/contracts/abc%00', 'path'],
    ['/api/contracts/%ED%A0%80', 'path'],
    ['/api/contracts/%FF', 'path'],
    ['/api/contracts?page=1%00', 'page'],
    ['/login?next=/%09/evil.example', 'next'],
    ['/x?%00=1', 'query'],
    ['/x?a=%E0%A4%A', 'a'],
  ])('%s → %s', (url, field) => {
    expect(inspectUrl(url)?.field ?? null).toBe(field);
  });
});
