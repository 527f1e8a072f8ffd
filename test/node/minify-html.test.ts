/**
 * The html`…` template minifier of the CDN build (scripts/build.ts, `minifyHtmlLiterals`): the
 * indentation of a template becomes one space, and in a tag what HTML (and Lit's scan for
 * bindings) reads the same without goes: quotes around a plain value, white space before `>`, the
 * `/` of a void element.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyHtmlLiterals } from '../../scripts/build.js';

test('the indentation of a template becomes one space', () => {
  assert.equal(minifyHtmlLiterals('html`<p>\n    <b>a</b>\n  </p>`;'), 'html`<p> <b>a</b> </p>`;');
});

test('a plain static attribute value loses its quotes', () => {
  assert.equal(
    minifyHtmlLiterals('html`<th part="header" scope="col" aria-hidden="true">a</th>`;'),
    'html`<th part=header scope=col aria-hidden=true>a</th>`;',
  );
});

test('a value with a space, a binding, a character HTML or Lit would read differently, or none keeps its quotes', () => {
  const kept = [
    '<p class="a b">',
    '<p class="a ${x}">',
    '<p title="${x}">',
    '<p class="">',
    '<p title="a=b">',
    '<p title="a\'b">',
    '<p title="a&amp;b">',
    '<slot name="x"/>',
    // Unquoted, its / would read as the void element's own and go.
    '<img src="/a/">',
  ];
  for (const tag of kept) assert.equal(minifyHtmlLiterals(`html\`${tag}\`;`), `html\`${tag}\`;`, tag);
});

test('a tag that holds a binding is read as one: the attributes after the binding lose their quotes too', () => {
  assert.equal(
    minifyHtmlLiterals('html`<td class=${c} data-label="x" part="cell">${v}</td>`;'),
    'html`<td class=${c} data-label=x part=cell>${v}</td>`;',
  );
  assert.equal(
    minifyHtmlLiterals('html`<th class="sortable ${key}" aria-sort=${s} scope="col">`;'),
    'html`<th class="sortable ${key}" aria-sort=${s} scope=col>`;',
  );
});

test('text between tags, other templates and other strings are left as written', () => {
  assert.equal(minifyHtmlLiterals('html`<p>a="b"</p>`;'), 'html`<p>a="b"</p>`;');
  assert.equal(
    minifyHtmlLiterals('svg`<path fill="none"/>`; const s = \'<p class="a">\';'),
    'svg`<path fill="none"/>`; const s = \'<p class="a">\';',
  );
});

test("the white space before a tag's > goes; a void element's / too, not an SVG element's", () => {
  assert.equal(
    minifyHtmlLiterals('html`<span class=${a}\n  ><input id="f" .value=${v} />a<br /><svg><path d="M0"/></svg></span\n>`;'),
    'html`<span class=${a}><input id=f .value=${v}>a<br><svg><path d="M0"/></svg></span>`;',
  );
});
