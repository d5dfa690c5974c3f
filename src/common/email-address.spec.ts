import fc from 'fast-check';
import addressparser from 'nodemailer/lib/addressparser';
import { isMailableEmail } from './email-address.js';

describe('isMailableEmail', () => {
  it.each([
    'a@x.test',
    'first.last+tag@example.com',
    "o'brien@example.com",
    'x_y-z@sub.example.co.uk',
  ])('accepts %s', (address) => {
    expect(isMailableEmail(address)).toBe(true);
  });

  it.each([
    '"x\r\nbcc: victim@evil.example"@x.test',
    '"quoted"@x.test',
    'a b@x.test',
    'a\u0000b@x.test',
    'a\u007fb@x.test',
    'a\r\n@x.test',
    'a(comment)@x.test',
    'Ann <a@x.test>',
    'a@x.test, b@y.test',
    'a..b@x.test',
    '.a@x.test',
    'ä@x.test',
    'a@x.test\n',
    'nope',
    '@x.test',
  ])('refuses %j', (address) => {
    expect(isMailableEmail(address)).toBe(false);
  });

  it('accepts only what nodemailer reads back unchanged, as one bare address (property)', () => {
    const accepted = fc.oneof(
      fc.emailAddress(),
      fc.string({ unit: 'binary' }),
      fc
        .tuple(fc.string({ unit: 'binary' }), fc.domain())
        .map(([local, domain]) => `${local}@${domain}`),
      fc.tuple(fc.string(), fc.domain()).map(([local, domain]) => `"${local}"@${domain}`),
    );
    fc.assert(
      fc.property(accepted, (address) => {
        if (!isMailableEmail(address)) return;
        expect(addressparser(address, { flatten: true })).toEqual([{ address, name: '' }]);
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts every address of fast-check’s RFC 5322 generator (dot-atoms only)', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        expect(isMailableEmail(address)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
