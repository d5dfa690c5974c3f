import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

// ajv-formats is CommonJS: its default export arrives as the module object.
const addFormats = formats as unknown as typeof formats.default;
import fc from 'fast-check';

/** The part of an OpenAPI 3.0 schema object the request DTOs use. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  pattern?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  allOf?: Schema[];
  not?: Schema;
  'x-max-decimal-places'?: number;
}

/** Values that must be real (existing ids), by property name; the rest is generated from the schema. */
export type References = Record<string, fc.Arbitrary<unknown>>;

/** Text without control characters or surrounding spaces (the server trims some fields). */
function text(minLength = 0, maxLength = 40): fc.Arbitrary<string> {
  const max = Math.min(maxLength, Math.max(minLength, 40));
  const char = fc.constantFrom(...'abcXYZ019 -_.é€ß'.split(''));
  return fc
    .array(char, { minLength, maxLength: max })
    .map((chars) => chars.join(''))
    .filter((value) => value.trim() === value && (minLength === 0 || value.length >= minLength));
}

const day = fc
  .date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2039-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

const instant = fc
  .date({
    min: new Date('2030-01-01T00:00:00Z'),
    max: new Date('2039-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString());

function stringOf(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid({ version: 4 });
    case 'date':
      return day;
    case 'date-time':
      return instant;
    case 'email':
      return fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/).map((local) => `${local}@example.com`);
  }
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((value) => value.length <= (schema.maxLength ?? Infinity));
  }
  return text(schema.minLength, schema.maxLength);
}

function numberOf(schema: Schema): fc.Arbitrary<number> {
  const decimals = schema.type === 'integer' ? 0 : (schema['x-max-decimal-places'] ?? 2);
  const scale = 10 ** decimals;
  const lowest =
    Math.ceil((schema.minimum ?? -1_000_000) * scale) + (schema.exclusiveMinimum ? 1 : 0);
  const highest = Math.floor((schema.maximum ?? 1_000_000) * scale);
  return fc.integer({ min: lowest, max: highest }).map((units) => units / scale);
}

/** Any value the schema accepts (with `references` for the named properties). */
export function arbitraryOf(
  schema: Schema,
  references: References = {},
  name = '',
): fc.Arbitrary<unknown> {
  const base = ((): fc.Arbitrary<unknown> => {
    if (references[name]) return references[name];
    if (schema.enum) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case 'string':
        return stringOf(schema);
      case 'integer':
      case 'number':
        return numberOf(schema);
      case 'boolean':
        return fc.boolean();
      case 'object':
        if (!schema.properties) return fc.dictionary(text(1, 10), text(0, 20), { maxKeys: 3 });
        return fc.record(
          Object.fromEntries(
            Object.entries(schema.properties).map(([key, property]) => [
              key,
              arbitraryOf(property, references, key),
            ]),
          ),
          { requiredKeys: schema.required ?? [] },
        );
      default:
        throw new Error(`no generator for ${JSON.stringify(schema)}`);
    }
  })();
  return schema.nullable ? fc.oneof(base, fc.constant(null)) : base;
}

/** OpenAPI 3.0's boolean `exclusiveMinimum` as JSON Schema (draft 7) says it, for Ajv. */
function asJsonSchema(schema: Schema): object {
  const copy: Record<string, unknown> = { ...schema };
  if (schema.exclusiveMinimum === true) {
    copy.exclusiveMinimum = schema.minimum;
    delete copy.minimum;
  }
  for (const key of ['properties'] as const) {
    if (schema[key]) {
      copy[key] = Object.fromEntries(
        Object.entries(schema[key]).map(([name, s]) => [name, asJsonSchema(s)]),
      );
    }
  }
  for (const key of ['anyOf', 'allOf'] as const) {
    if (schema[key]) copy[key] = schema[key].map(asJsonSchema);
  }
  if (schema.not) copy.not = asJsonSchema(schema.not);
  return copy;
}

/** A validator of the schema as the document means it (OpenAPI 3.0 `nullable`, formats). */
export function validatorOf(schema: Schema): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(asJsonSchema(schema));
}

/** A way to break one field of a valid body, and the field the refusal must name. */
export interface Breakage {
  field: string;
  how: string;
  body: Record<string, unknown>;
}

/** Each single-field change that makes `body` invalid against `schema`. */
export function breakages(schema: Schema, body: Record<string, unknown>): Breakage[] {
  const result: Breakage[] = [
    { field: 'unexpected', how: 'an unknown field', body: { ...body, unexpected: 1 } },
  ];
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    const set = (how: string, value: unknown) =>
      result.push({ field, how, body: { ...body, [field]: value } });
    if (schema.required?.includes(field)) {
      const rest = { ...body };
      delete rest[field];
      result.push({ field, how: 'left out', body: rest });
    }
    if (property.type === 'string') set('a number for a string', 12);
    else if (property.type === 'object') set('a string for an object', 'x');
    else set(`a string for a ${property.type}`, 'x');
    if (!property.nullable) set('null', null);
    if (property.enum) set('not one of the values', 'not-a-value');
    if (property.maxLength !== undefined) set('too long', 'x'.repeat(property.maxLength + 1));
    if (property.format && property.format !== 'email')
      set(`not a ${property.format}`, 'not-valid');
    if (property.format === 'email') set('not an e-mail address', 'no-at-sign');
    if (property.maximum !== undefined) set('above the maximum', property.maximum + 1);
    if (property.minimum !== undefined) set('below the minimum', property.minimum - 1);
  }
  return result;
}
