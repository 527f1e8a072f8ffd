/**
 * The CDN files carry the element style sheets minified (scripts/minify-css.ts): each must parse,
 * in every engine, to the same rules as its source, with the private custom properties under
 * their short names. Engines serialize what they parsed in one canonical form, so equal text is
 * equal meaning.
 */
import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { minifyCss, PRIVATE_NAME, privateNames } from '../../scripts/minify-css.js';
import { styles as controlStatus } from '../../src/elements/control-status/control-status.styles.js';
import { sealStyles, sharedStyles, statusStyles } from '../../src/elements/shared.styles.js';
import { styles as subprocessorList } from '../../src/elements/subprocessor-list/subprocessor-list.styles.js';
import { styles as trustBadge } from '../../src/elements/trust-badge/trust-badge.styles.js';
import { styles as trustCenter } from '../../src/elements/trust-center/trust-center.styles.js';

const SHEETS: Record<string, CSSResult> = {
  sharedStyles,
  sealStyles,
  statusStyles,
  controlStatus,
  subprocessorList,
  trustBadge,
  trustCenter,
};
const names = privateNames(Object.values(SHEETS).map((sheet) => sheet.cssText));

/** The rules `text` parses to, as the engine writes them back. */
function parsed(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) => rule.cssText);
}

/**
 * A custom property's value, and one with var() in it, is kept as its tokens were written: those
 * are compared with the white space around `*` `/` `,` and brackets dropped, and `.5` for `0.5`, as
 * the minifier writes them (the spaces calc() needs around `+` and `-` are still compared).
 */
const tokens = (rule: string) =>
  rule.replace(/([{;]\s*)([\w-]+)\s*:\s*([^;}]*)/g, (declaration, before: string, name: string, value: string) =>
    name.startsWith('--') || value.includes('var(')
      ? `${before}${name}: ${value
          .replace(/\s*([*/,()])\s*/g, '$1')
          .replace(/(^|[^\w.-])0\./g, '$1.')
          .replace(/\s+/g, ' ')
          .trim()}`
      : declaration,
  );

describe('minified style sheets', () => {
  for (const [name, sheet] of Object.entries(SHEETS)) {
    it(`${name} parses to the same rules minified as written`, () => {
      const source = parsed(sheet.cssText).map((rule) => tokens(rule.replace(PRIVATE_NAME, (n) => names.get(n) ?? n)));
      const minified = parsed(minifyCss(sheet.cssText, names)).map(tokens);
      expect(minified.length).to.be.greaterThan(3);
      expect(minified).to.deep.equal(source);
    });
  }
});
