import { checkSubmission, normalizeSubmission, type FormField } from './form-definition.js';

const form: FormField[] = [
  { name: 'name', label: 'Name', type: 'text', required: true, maxLength: 10 },
  { name: 'email', label: 'E-mail', type: 'email', required: true, maxLength: 50 },
  { name: 'phone', label: 'Phone', type: 'text', required: false, maxLength: 5 },
];

describe('public form submissions', () => {
  it('accepts a complete submission and stores trimmed, non-blank values', () => {
    const values = { name: ' Pat ', email: 'pat@example.test', phone: ' ' };
    expect(checkSubmission(form, values)).toEqual([]);
    expect(normalizeSubmission(form, values)).toEqual({ name: 'Pat', email: 'pat@example.test' });
  });

  it('names every problem by field', () => {
    expect(
      checkSubmission(form, { name: '   ', phone: '123456', extra: 'x', email: 'nope' }),
    ).toEqual([
      { field: 'fields.extra', reason: 'is not a field of this form' },
      { field: 'fields.name', reason: 'is required' },
      { field: 'fields.email', reason: 'must be an e-mail address' },
      { field: 'fields.phone', reason: 'must be at most 5 characters long' },
    ]);
    expect(checkSubmission(form, { name: 5, email: ['a'] })).toEqual([
      { field: 'fields.name', reason: 'must be a string' },
      { field: 'fields.email', reason: 'must be a string' },
    ]);
  });
});
