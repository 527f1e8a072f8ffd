/**
 * The CSS minifier of the CDN build (scripts/minify-css.ts, applied by scripts/build.ts): what it may drop, and what it must keep so
 * that a style sheet means the same (quoted strings, descendant combinators, the spaces calc()
 * needs around `+` and `-`), and the short names of private custom properties, the same in every sheet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCssLiterals } from '../../scripts/build.js';
import { minifyCss, privateNames } from '../../scripts/minify-css.js';

test('white space, comments and the last semicolon of each block go', () => {
  assert.equal(minifyCss('\n  /* why */\n  .a ,\n  .b > .c {\n    color: red;\n    margin: 0;\n  }\n'), '.a,.b>.c{color:red;margin:0}');
});

test('zeros before a decimal point go, negative values too', () => {
  assert.equal(minifyCss('.a { margin: 0.5em -0.125em 10.5em; }'), '.a{margin:.5em -.125em 10.5em}');
});

test('sibling combinators lose their spaces, descendant combinators keep theirs', () => {
  assert.equal(minifyCss('.a + .a, .b ~ .c, .d .e { top: 0; }'), '.a+.a,.b~.c,.d .e{top:0}');
});

test('calc() keeps the spaces around + and -, loses those around * and /', () => {
  assert.equal(
    minifyCss('.a { inset: calc(100% + 6px) calc(1em - 2px) calc(var(--x) * 0.5); color: rgb(0 0 0 / 0.2); grid-column: 1 / -1; }'),
    '.a{inset:calc(100% + 6px) calc(1em - 2px) calc(var(--x)*.5);color:rgb(0 0 0/.2);grid-column:1/-1}',
  );
});

test('a universal selector after a descendant combinator keeps its spaces', () => {
  assert.equal(minifyCss('.a * .b { top: 0; }'), '.a * .b{top:0}');
});

test('an attribute value that is a plain name loses its quotes; an empty or other value keeps them', () => {
  assert.equal(
    minifyCss(":host([layout='block']):not([control='']) [size='2x'] .a[x=\"y-z\"] { top: 0; }"),
    ":host([layout=block]):not([control='']) [size='2x'] .a[x=y-z]{top:0}",
  );
});

test('quoted strings in values are kept as written, and the space after one is a combinator', () => {
  assert.equal(minifyCss(".a::after { content: ' ; { } , '; }"), ".a::after{content:' ; { } , '}");
  assert.equal(minifyCss("[a='b'] .c { top: 0; }"), '[a=b] .c{top:0}');
});

test('rules inside an at-rule are minified as rules; its prelude keeps the space it needs', () => {
  assert.equal(
    minifyCss('@container list (max-width: 40rem) {\n  .a + .b { margin: calc(var(--s) * 0.5); }\n}'),
    '@container list (max-width:40rem){.a+.b{margin:calc(var(--s)*.5)}}',
  );
});

test('only css`…` literals are rewritten', () => {
  assert.equal(
    minifyCssLiterals("const x = 'a + b';\nexport const s = css`\n  .a + .b { top: 0; }\n`;"),
    "const x = 'a + b';\nexport const s = css`.a+.b{top:0}`;",
  );
});

test('private custom properties get short names, the same in every sheet; public ones keep theirs', () => {
  const shared = ':host { --_surface: var(--trust-color-surface, white); --_space: 1rem; }';
  const element = '.card { padding: var(--_space); background: var(--_surface); color: var(--trust-color-text); }';
  const names = privateNames([shared, element]);
  assert.equal(minifyCss(shared, names), ':host{--_b:var(--trust-color-surface,white);--_a:1rem}');
  assert.equal(minifyCss(element, names), '.card{padding:var(--_a);background:var(--_b);color:var(--trust-color-text)}');
});

test('the element style sheets are minified with one table of short names', () => {
  const source = 'export const styles = css`\n  .a { margin: var(--_space); }\n`;';
  const short = minifyCssLiterals(source).match(/var\((--_\w+)\)/)![1]!;
  assert.ok(short.length < '--_space'.length, short);
  assert.equal(minifyCssLiterals(':host { --_space: 1rem; }'.replace(/^/, 'css`').concat('`')), `css\`:host{${short}:1rem}\``);
});
