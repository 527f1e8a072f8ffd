/**
 * A small JSON data-spec language: one definition gives the TypeScript type (`Infer`), the
 * runtime check (`check`, every problem with its path) and the JSON Schema (`toJsonSchema`,
 * build time only). It exists instead of a schema library because the browser bundle has a
 * hard size budget: see README "Why not a schema library".
 */

export interface Issue {
  path: (string | number)[];
  message: string;
}

interface Base<T> {
  /** Type carrier only; never set. */
  readonly _?: T;
  /** Optional in its object. */
  readonly o?: boolean;
  /** The format's minor version that added this field (absent: 1.0). */
  readonly m?: number;
}

export interface StringSpec extends Base<string> {
  k: 's';
  min?: number;
  max?: number;
  re?: RegExp;
  /** What `re` and `test` mean, for the message: "an https: URL". */
  is?: string;
  test?: (s: string) => boolean;
  /** A further rule with a message of its own, checked once the value is `is`: "must use % only …". */
  also?: { re?: RegExp; test?: (s: string) => boolean; message: string };
}
export interface NumberSpec extends Base<number> {
  k: 'n';
  int?: boolean;
  min?: number;
  max?: number;
}
export interface BooleanSpec extends Base<boolean> {
  k: 'b';
}
export interface EnumSpec<T extends string | number> extends Base<T> {
  k: 'e';
  values: readonly T[];
}
export interface ArraySpec<T> extends Base<T[]> {
  k: 'a';
  item: Spec<T>;
  min?: number;
}
export interface ObjectSpec<T> extends Base<T> {
  k: 'o';
  props: Record<string, Spec<unknown>>;
}
export interface VariantSpec<T> extends Base<T> {
  k: 'v';
  key: string;
  options: ObjectSpec<unknown>[];
}
/** One of several specs: the first that accepts the value (plain text or structured text runs). */
export interface UnionSpec<T> extends Base<T> {
  k: 'u';
  options: Spec[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a spec of any type: each kind checks its own */
export type Spec<T = any> =
  | StringSpec
  | NumberSpec
  | BooleanSpec
  | EnumSpec<any>
  | ArraySpec<any>
  | ObjectSpec<any>
  | VariantSpec<any>
  | UnionSpec<any>
  | (Base<T> & { k: never });
/* eslint-enable @typescript-eslint/no-explicit-any */

export type Infer<S> = S extends Base<infer T> ? T : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type OptionalKeys<P> = { [K in keyof P]: P[K] extends { o: true } ? K : never }[keyof P];
type ObjectOf<P> = Simplify<
  { -readonly [K in Exclude<keyof P, OptionalKeys<P>>]: Infer<P[K]> } & { -readonly [K in OptionalKeys<P>]?: Infer<P[K]> }
>;

export const str = (options: Omit<StringSpec, 'k' | '_' | 'o'> = {}): StringSpec => ({ k: 's', ...options });
export const num = (options: Omit<NumberSpec, 'k' | '_' | 'o'> = {}): NumberSpec => ({ k: 'n', ...options });
export const bool = (): BooleanSpec => ({ k: 'b' });
export const oneOf = <const T extends string | number>(values: readonly T[]): EnumSpec<T> => ({ k: 'e', values });
export const arr = <S extends Spec>(item: S, min?: number): ArraySpec<Infer<S>> => ({ k: 'a', item, min });
export const obj = <P extends Record<string, Spec>>(props: P): ObjectSpec<ObjectOf<P>> => ({ k: 'o', props });
export const variant = <S extends ObjectSpec<unknown>>(key: string, options: S[]): VariantSpec<Infer<S>> => ({ k: 'v', key, options });
export const anyOf = <S extends Spec[]>(...options: S): UnionSpec<Infer<S[number]>> => ({ k: 'u', options });
/** Marks a property optional. */
export const opt = <S extends Spec>(spec: S): S & { o: true } => ({ ...spec, o: true });
/** Marks an optional property as added in format 1.`minor`: a document must say that version to use it. */
export const since = <S extends Spec>(minor: number, spec: S): S & { o: true } => ({ ...spec, o: true, m: minor }) as S & { o: true };

/**
 * How a document is read: `minor` is the format minor version it claims; `lax` (a newer minor than
 * this reader knows) ignores fields this reader does not know instead of refusing them.
 */
export interface Reading {
  minor: number;
  lax: boolean;
}

/** `x-` members: a vendor's own extensions, allowed on the document and on every entry. */
export const EXTENSION_NAME = /^x-[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Names no format version will ever use: refused even where unknown fields are ignored. */
const NEVER = new Set(['__proto__', 'constructor', 'prototype']);
/** How deep an extension's JSON value may nest. */
export const MAX_EXTENSION_DEPTH = 16;

/** Whether `value` is plain JSON (no cycle, no function, no undefined) at most `depth` levels deep. */
function isJson(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (depth === 0 || typeof value !== 'object') return false;
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.every((item) => isJson(item, depth - 1));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : JSON.stringify(value);
  return String(value);
}

const list = (values: readonly unknown[]) => values.join(', ');

/** Whether `value` has the JSON type that `spec` asks for. */
function sameType(spec: Spec, value: unknown): boolean {
  switch (spec.k) {
    case 's':
      return typeof value === 'string';
    case 'a':
      return Array.isArray(value);
    case 'o':
    case 'v':
      return isRecord(value);
    case 'u':
      return spec.options.some((option) => sameType(option, value));
    default:
      return false;
  }
}

/** Checks `value` against `spec`, adding one issue per wrong value (with its path) to `issues`. */
export function check(
  spec: Spec,
  value: unknown,
  path: (string | number)[] = [],
  issues: Issue[] = [],
  reading: Reading = { minor: 0, lax: false },
): Issue[] {
  const fail = (message: string) => issues.push({ path, message });
  switch (spec.k) {
    case 's':
      if (typeof value !== 'string') fail(`must be a string, not ${kind(value)}`);
      else if (spec.min && value.length < spec.min) fail(spec.min === 1 ? 'must not be empty' : `must be at least ${spec.min} characters`);
      else if (spec.max !== undefined && value.length > spec.max) fail(`must be at most ${spec.max} characters`);
      else if ((spec.re && !spec.re.test(value)) || (spec.test && !spec.test(value))) fail(`must be ${spec.is ?? `like ${spec.re}`}`);
      else if (spec.also && ((spec.also.re && !spec.also.re.test(value)) || (spec.also.test && !spec.also.test(value))))
        fail(spec.also.message);
      break;
    case 'n':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(`must be a number, not ${kind(value)}`);
      else if (spec.int && !Number.isSafeInteger(value)) fail('must be a whole number');
      else if (spec.min !== undefined && value < spec.min) fail(spec.min === 0 ? 'must not be negative' : `must be at least ${spec.min}`);
      else if (spec.max !== undefined && value > spec.max) fail(`must be at most ${spec.max}`);
      break;
    case 'b':
      if (typeof value !== 'boolean') fail(`must be true or false, not ${kind(value)}`);
      break;
    case 'e':
      if (!spec.values.includes(value as never))
        fail(spec.values.length === 1 ? `must be ${list(spec.values)}` : `must be one of ${list(spec.values)}`);
      break;
    case 'a':
      if (!Array.isArray(value)) fail(`must be an array, not ${kind(value)}`);
      else if (spec.min && value.length < spec.min) fail(`must have at least ${spec.min} ${spec.min === 1 ? 'entry' : 'entries'}`);
      else value.forEach((item, i) => check(spec.item, item, [...path, i], issues, reading));
      break;
    case 'o':
      if (!isRecord(value)) fail(value === undefined ? 'is required' : `must be an object, not ${kind(value)}`);
      else {
        for (const [key, prop] of Object.entries(spec.props)) {
          // An own property set to undefined (from JavaScript, never from JSON) counts as absent.
          if (!has(value, key) || value[key] === undefined) {
            if (!prop.o) issues.push({ path: [...path, key], message: 'is required' });
          } else if ((prop.m ?? 0) > reading.minor)
            issues.push({
              path: [...path, key],
              message: `is a field of format 1.${prop.m}: the document must say "version": "1.${prop.m}"`,
            });
          else check(prop, value[key], [...path, key], issues, reading);
        }
        for (const key of Object.keys(value)) {
          if (has(spec.props, key)) continue;
          if (EXTENSION_NAME.test(key)) {
            if (!isJson(value[key], MAX_EXTENSION_DEPTH))
              issues.push({ path: [...path, key], message: `must be JSON nested at most ${MAX_EXTENSION_DEPTH} levels deep` });
          } else if (!reading.lax || NEVER.has(key)) issues.push({ path: [...path, key], message: 'is not a field of this format' });
        }
      }
      break;
    case 'v': {
      const tag = isRecord(value) ? value[spec.key] : undefined;
      const option = spec.options.find((o) => (o.props[spec.key] as EnumSpec<string>).values.includes(tag as string));
      if (option) check(option, value, path, issues, reading);
      else if (!isRecord(value)) fail(`must be an object, not ${kind(value)}`);
      else
        issues.push({
          path: [...path, spec.key],
          message: `must be one of ${list(spec.options.flatMap((o) => (o.props[spec.key] as EnumSpec<string>).values))}`,
        });
      break;
    }
    case 'u': {
      // The first option that accepts the value; otherwise the problems of the first of its JSON type.
      let first: Issue[] | undefined;
      for (const option of spec.options) {
        // A form added in a later minor version than the document claims: say so when it would fit.
        if ((option.m ?? 0) > reading.minor) {
          if (!check(option, value, path, [], { minor: option.m!, lax: false }).length) {
            first = [{ path, message: `is written as format 1.${option.m} allows: the document must say "version": "1.${option.m}"` }];
            break;
          }
          continue;
        }
        const found = check(option, value, path, [], reading);
        if (!found.length) return issues;
        if (!first && sameType(option, value)) first = found;
      }
      issues.push(...(first ?? [{ path, message: `is not in a form this field takes: ${kind(value)}` }]));
      break;
    }
  }
  return issues;
}
