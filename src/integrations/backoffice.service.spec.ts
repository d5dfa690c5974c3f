import { assertIdempotencyKey, canonicalJson } from './backoffice.service.js';

describe('back-office idempotency', () => {
  it('hashes the same request the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'z' } })).toBe(
      canonicalJson({ a: { c: 'z', d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });

  it('requires a key of 1 to 200 visible ASCII characters', () => {
    expect(() => assertIdempotencyKey(undefined)).toThrow();
    expect(() => assertIdempotencyKey('')).toThrow();
    expect(() => assertIdempotencyKey('has space')).toThrow();
    expect(() => assertIdempotencyKey('x'.repeat(201))).toThrow();
    expect(() => assertIdempotencyKey('9b2f7c1e-6a3d-4f5e-8a1b-2c3d4e5f6a7b')).not.toThrow();
  });
});
