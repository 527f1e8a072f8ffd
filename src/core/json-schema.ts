/**
 * Turns a spec (src/core/spec.ts) into a JSON Schema (draft-07) with descriptions. Build time
 * only (`npm run schema`): the browser bundle never includes it.
 */
import { DateString, FORMAT_VERSION, MonthString, Timestamp } from './schema.js';
import { EXTENSION_NAME, type Spec } from './spec.js';

/**
 * The JSON Schema `format` of the strings that have one, by their pattern (an optional field's
 * copy of a spec shares it). Kept here so that the browser bundle never carries it.
 */
const FORMATS = new Map<RegExp | undefined, string>([
  [DateString.re, 'date'],
  [Timestamp.re, 'date-time'],
  [MonthString.re, 'month'],
]);

/**
 * Where the published schema of a release is read: the file `schema/posture-v1.schema.json` of
 * the npm package, through a public CDN. It is the schema's `$id` and the `$schema` that
 * `trust-elements init` writes, so a document points at a schema that works outside this repo.
 */
export const schemaUrl = (packageVersion: string): string =>
  `https://cdn.jsdelivr.net/npm/trust-elements@${packageVersion}/schema/posture-v${FORMAT_VERSION}.schema.json`;

export type JsonSchema = Record<string, unknown>;

/**
 * `descriptions` maps a field path to its text: `issuer`, `categories[].controls[].status`.
 * Every entry must name a field; one that does not is reported, so the docs cannot drift.
 */
export function toJsonSchema(spec: Spec, descriptions: Record<string, string> = {}): JsonSchema {
  const unused = new Set(Object.keys(descriptions));
  const walk = (s: Spec, path: string): JsonSchema => {
    const out = convert(s, path);
    if (path && descriptions[path] !== undefined) {
      unused.delete(path);
      return { description: descriptions[path], ...out };
    }
    return out;
  };
  const convert = (s: Spec, path: string): JsonSchema => {
    switch (s.k) {
      case 's': {
        const out: JsonSchema = { type: 'string' };
        if (s.min) out.minLength = s.min;
        if (s.max !== undefined) out.maxLength = s.max;
        if (s.re) out.pattern = s.re.source;
        const format = FORMATS.get(s.re);
        if (format) out.format = format;
        // One `pattern` per schema: a further rule's goes in an `allOf`.
        if (s.also?.re) out.allOf = [{ pattern: s.also.re.source }];
        return out;
      }
      case 'n':
        return {
          type: s.int ? 'integer' : 'number',
          ...(s.min !== undefined && { minimum: s.min }),
          ...(s.max !== undefined && { maximum: s.max }),
        };
      case 'b':
        return { type: 'boolean' };
      case 'e':
        return s.values.length === 1 ? { const: s.values[0] } : { enum: [...s.values] };
      case 'a':
        return { type: 'array', items: walk(s.item, `${path}[]`), ...(s.min && { minItems: s.min }) };
      case 'o':
        return {
          type: 'object',
          properties: Object.fromEntries(Object.entries(s.props).map(([key, prop]) => [key, walk(prop, path ? `${path}.${key}` : key)])),
          required: Object.entries(s.props)
            .filter(([, prop]) => !prop.o)
            .map(([key]) => key),
          // A vendor's own `x-` members are allowed everywhere; nothing else unknown.
          patternProperties: { [EXTENSION_NAME.source]: {} },
          additionalProperties: false,
        };
      case 'v':
        return { oneOf: s.options.map((option) => convert(option, path)) };
      case 'u':
        return { anyOf: s.options.map((option) => convert(option, path)) };
      default:
        throw new Error(`unknown spec kind at ${path}`);
    }
  };
  const schema = walk(spec, '');
  if (unused.size) throw new Error(`descriptions for fields that do not exist: ${[...unused].join(', ')}`);
  return schema;
}
