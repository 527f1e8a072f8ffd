/**
 * JSON.parse with errors a person can act on: `label is not valid JSON (line L, column C): reason`.
 * V8 does not always give a position, and may quote a snippet of the text (which could be a
 * private key), so the position and the reason come from a small syntax scan of our own.
 */
import { PostureError } from '../core/index.js';
import { CliError } from './errors.js';
import { looksSigned } from './files.js';

/** Line and column (both from 1) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Where JSON text first breaks the syntax, and why, in words that quote none of it. */
export interface JsonSyntaxError {
  offset: number;
  reason: string;
}

/** The first JSON syntax error in `text` (RFC 8259), or undefined when there is none (or it is too deep to find). */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const n = text.length;
  const fail = (reason: string): never => {
    throw { offset: i, reason: i >= n ? 'the text ends too early' : reason } satisfies JsonSyntaxError;
  };
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = () => {
    i++;
    while (i < n) {
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c === '\\') {
        i++;
        if (i < n && '"\\/bfnrt'.includes(text[i]!)) i++;
        else if (text[i] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 5;
        else fail('an invalid escape sequence in a string');
      } else if (c < ' ') fail('a control character (such as a line break) inside a string');
      else i++;
    }
    fail('a string is not closed');
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail('expected a member name in double quotes');
          string();
          ws();
          if (text[i] !== ':') fail("expected ':' after a member name");
          i++;
        }
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else fail(`expected ',' or '${close}'`);
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length);
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    fail('expected a value (an object, array, string, number, true, false or null)');
  };
  try {
    value();
    ws();
    if (i < n) fail('more text after the JSON value');
    return undefined;
  } catch (error) {
    if (typeof (error as JsonSyntaxError).offset === 'number') return error as JsonSyntaxError;
    // Nesting deeper than the stack: no position to give, but never a crash.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** The offset of the first JSON syntax error in `text`, or undefined when there is none. */
export const jsonErrorOffset = (text: string): number | undefined => jsonSyntaxError(text)?.offset;

/**
 * Why `text` is not JSON, as `label is not valid JSON (line L, column C): reason`. It never
 * quotes the text: the file may be a private key given in the wrong place.
 */
export function describeJsonError(text: string, label: string): string {
  const found = jsonSyntaxError(text);
  if (!found) return `${label} is not valid JSON`;
  const { line, column } = lineColumn(text, found.offset);
  return `${label} is not valid JSON (line ${line}, column ${column}): ${found.reason}`;
}

export function parseJsonText(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // V8's own message is left out: it may quote a snippet of the text.
    throw new CliError(describeJsonError(text, label));
  }
}

/**
 * Refuses document bytes that are UTF-8 text but neither JSON nor a compact JWS, as the core's
 * `not-json`, with line and column and no quote of the text (the core would report V8's
 * message, which quotes it). Anything else is left to the core to judge.
 */
export function refuseBrokenJson(bytes: Uint8Array, what: string): void {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return;
  }
  if (looksSigned(text)) return;
  try {
    JSON.parse(text);
    return;
  } catch {
    // Not JSON: refused below, in our words.
  }
  throw new PostureError('not-json', `${describeJsonError(text, `The ${what}`)}.`);
}
