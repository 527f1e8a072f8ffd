/**
 * The CSS minifier of the CDN build (scripts/build.ts): plain string work, no Node API, so the
 * browser tests can check in every engine that a minified style sheet parses to the same rules.
 */

/** A private custom property's name (`--_surface`). */
export const PRIVATE_NAME = /--_[\w-]+/g;

/**
 * Short names for the private custom properties of `sheets` (`--_surface` → `--_a`), one table for
 * all, so a name set in the shared styles and read in an element's is renamed alike. Private (`--_*`)
 * by the project's rule: no page relies on them; the public `--trust-*` ones are never renamed.
 */
export function privateNames(sheets: string[]): Map<string, string> {
  const names = [...new Set(sheets.flatMap((text) => text.match(PRIVATE_NAME) ?? []))].sort();
  const letters = (i: number): string => (i < 26 ? '' : letters(Math.floor(i / 26) - 1)) + String.fromCharCode(97 + (i % 26));
  const short = new Map(names.map((name, i) => [name, `--_${letters(i)}`]));
  for (const name of short.values()) if (names.includes(name)) throw new Error(`private custom property ${name} is also a short name`);
  return short;
}

/** A quoted attribute value that may go bare: a CSS identifier (`'block'`, not `''` or `'2x'`). */
const BARE_VALUE = /^(['"])-?[A-Za-z_][\w-]*\1$/;

/**
 * A style sheet's text, minified: comments and white space go (the space after
 * a colon, around `{ } ; , >`, the last semicolon of a block), and so do the zero before a decimal
 * point (`0.5em` → `.5em`, `-0.1em` → `-.1em`), the spaces around `+` and `~` between selectors
 * and around `*` and `/` in values (`calc(var(--a) * 2)`, `rgb(0 0 0 / .2)`; the spaces `+` and `-`
 * need in calc() stay), and the quotes around an attribute value that is a plain name
 * (`[layout='block']` → `[layout=block]`). Other quoted strings (`content: ': '`) are left as they are.
 * Given `names` (from `privateNames`), the private custom properties take their short names.
 */
export function minifyCss(text: string, names = new Map<string, string>()): string {
  const parts = text.replace(/\/\*[\s\S]*?\*\//g, '').split(/('[^']*'|"[^"]*")/);
  // Whether each open block holds declarations (a rule) or rules (an at-rule such as @container).
  const blocks: boolean[] = [];
  let prelude = '';
  let out = '';
  parts.forEach((part, i) => {
    if (i % 2) {
      const bare = !blocks.at(-1) && out.endsWith('=') && parts[i + 1]?.startsWith(']') && BARE_VALUE.test(part);
      out += bare ? part.slice(1, -1) : part;
      prelude += part;
      return;
    }
    const pieces = part.split(/([{};])/);
    pieces.forEach((piece, j) => {
      if (j % 2) {
        if (piece === '{') blocks.push(!prelude.trimStart().startsWith('@'));
        if (piece === '}') blocks.pop();
        // The last declaration of a block needs no semicolon.
        out = piece === '}' && out.endsWith(';') ? out.slice(0, -1) : out;
        out += piece;
        prelude = '';
        return;
      }
      prelude += piece;
      // White space next to a quoted string may be a descendant combinator: only the ends at a brace or semicolon go.
      let min = piece.replace(/\s+/g, ' ').replace(PRIVATE_NAME, (name) => names.get(name) ?? name);
      if (j > 0 || i === 0) min = min.trimStart();
      if (j < pieces.length - 1 || i === parts.length - 1) min = min.trimEnd();
      min = min
        .replace(/\s*,\s*/g, ',')
        .replace(/:\s+/g, ':')
        .replace(/(^|[^\w.-])(-?)0\.(\d)/g, '$1$2.$3');
      out += blocks.at(-1) ? min.replace(/\s*([*/])\s*/g, '$1').replace(/\s+!/g, '!') : min.replace(/\s*([>+~])\s*/g, '$1');
    });
  });
  return out;
}
