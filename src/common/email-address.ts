import addressparser from 'nodemailer/lib/addressparser';
import { isEmail, ValidateBy, type ValidationOptions } from 'class-validator';

/** A dot-atom local part (RFC 5322 atext, ASCII): no quotes, spaces, comments or control characters. */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOT_ATOM_LOCAL_PART = new RegExp(`^${ATEXT}(\\.${ATEXT})*$`);

/** The address's shape as a JSON-schema pattern (for the API document): a dot-atom before the @. */
export const MAILABLE_EMAIL_PATTERN = `^${ATEXT}(\\.${ATEXT})*@[^@\\s]+$`;

export const MAILABLE_EMAIL_REASON =
  'must be a plain e-mail address (no quotes, spaces, comments or control characters)';

/**
 * An address the mailer sends to exactly as given: an e-mail address (class-validator) whose
 * local part is a plain dot-atom, and that nodemailer's own parser reads back unchanged, as one
 * address without a display name. Quoted local parts (which may carry CR/LF and header text)
 * and anything nodemailer would rewrite are refused.
 */
export function isMailableEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at < 1 || !DOT_ATOM_LOCAL_PART.test(value.slice(0, at))) return false;
  if (!isEmail(value)) return false;
  const parsed = addressparser(value, { flatten: true });
  return parsed.length === 1 && parsed[0].address === value && parsed[0].name === '';
}

/**
 * The field holds a mailable address (see isMailableEmail). It judges only what @IsEmail accepts,
 * so that a field has one reason at a time; put it next to @IsEmail.
 */
export function IsMailableEmail(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMailableEmail',
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !isEmail(value) || isMailableEmail(value),
        defaultMessage: () => MAILABLE_EMAIL_REASON,
      },
    },
    options,
  );
}
