import { isEmail } from 'class-validator';
import { isMailableEmail, MAILABLE_EMAIL_REASON } from '../common/email-address.js';
import type { FieldError } from '../common/problem.js';

export type FormFieldType = 'text' | 'email' | 'textarea';

/** One input of a public form, as stored with the form and shown to clients. */
export interface FormField {
  name: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  maxLength: number;
}

/**
 * Checks submitted values against the form's definition: every value a string, no unknown fields,
 * required fields present and not blank, lengths within the field's maximum, e-mail fields e-mail
 * addresses. Returns the problems by field (`fields.<name>`); empty means valid.
 */
export function checkSubmission(
  definition: readonly FormField[],
  submitted: Record<string, unknown>,
): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Map(definition.map((field) => [field.name, field]));
  for (const name of Object.keys(submitted)) {
    if (!known.has(name))
      errors.push({ field: `fields.${name}`, reason: 'is not a field of this form' });
  }
  for (const field of definition) {
    const value = submitted[field.name];
    const key = `fields.${field.name}`;
    if (
      value === undefined ||
      value === null ||
      (typeof value === 'string' && value.trim() === '')
    ) {
      if (field.required) errors.push({ field: key, reason: 'is required' });
      continue;
    }
    if (typeof value !== 'string') {
      errors.push({ field: key, reason: 'must be a string' });
    } else if (value.length > field.maxLength) {
      errors.push({ field: key, reason: `must be at most ${field.maxLength} characters long` });
    } else if (field.type === 'email' && !isEmail(value)) {
      errors.push({ field: key, reason: 'must be an e-mail address' });
    } else if (field.type === 'email' && !isMailableEmail(value)) {
      errors.push({ field: key, reason: MAILABLE_EMAIL_REASON });
    }
  }
  return errors;
}

/** The values worth storing: the form's own fields, trimmed, blanks left out. */
export function normalizeSubmission(
  definition: readonly FormField[],
  submitted: Record<string, unknown>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of definition) {
    const value = submitted[field.name];
    if (typeof value === 'string' && value.trim() !== '') values[field.name] = value.trim();
  }
  return values;
}
