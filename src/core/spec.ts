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
}

export interface StringSpec extends Base<string> {
  k: 's';
  min?: number;
  max?: number;
  re?: RegExp;
  /** What `re` and `test` mean, for the message: "an https: URL". */
  is?: string;
  test?: (s: string) => boolean;
  format?: string;
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

/* eslint-disable @typescript-eslint/no-explicit-any -- a spec of any type: each kind checks its own */
export type Spec<T = any> =
  StringSpec | NumberSpec | BooleanSpec | EnumSpec<any> | ArraySpec<any> | ObjectSpec<any> | VariantSpec<any> | (Base<T> & { k: never });
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
/** Marks a property optional. */
export const opt = <S extends Spec>(spec: S): S & { o: true } => ({ ...spec, o: true });

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

/** Checks `value` against `spec`, adding one issue per wrong value (with its path) to `issues`. */
export function check(spec: Spec, value: unknown, path: (string | number)[] = [], issues: Issue[] = []): Issue[] {
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
      else value.forEach((item, i) => check(spec.item, item, [...path, i], issues));
      break;
    case 'o':
      if (!isRecord(value)) fail(value === undefined ? 'is required' : `must be an object, not ${kind(value)}`);
      else {
        for (const [key, prop] of Object.entries(spec.props)) {
          // An own property set to undefined (from JavaScript, never from JSON) counts as absent.
          if (has(value, key) && value[key] !== undefined) check(prop, value[key], [...path, key], issues);
          else if (!prop.o) issues.push({ path: [...path, key], message: 'is required' });
        }
        for (const key of Object.keys(value))
          if (!has(spec.props, key)) issues.push({ path: [...path, key], message: 'is not a field of this format' });
      }
      break;
    case 'v': {
      const tag = isRecord(value) ? value[spec.key] : undefined;
      const option = spec.options.find((o) => (o.props[spec.key] as EnumSpec<string>).values.includes(tag as string));
      if (option) check(option, value, path, issues);
      else if (!isRecord(value)) fail(`must be an object, not ${kind(value)}`);
      else
        issues.push({
          path: [...path, spec.key],
          message: `must be one of ${list(spec.options.flatMap((o) => (o.props[spec.key] as EnumSpec<string>).values))}`,
        });
      break;
    }
  }
  return issues;
}
