/**
 * Loading (issue 15, point 6): a quiet skeleton, not a line of text, inside the loading height each
 * element reserves (the same room reserve.css gives the undefined tag: test/elements/reserve.test.ts);
 * its words stay for screen readers.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../src/define/all.js';
import { deferred, installNetwork, publish, type FakeNetwork } from '../fixtures/network.js';

type Loading = HTMLElement & { state: string; updateComplete: Promise<boolean> };

const ELEMENTS: [string, string, string][] = [
  ['trust-center', '', '24rem'],
  ['subprocessor-list', '', '10rem'],
  ['control-status', 'category="identity"', '5em'],
];

/** A length as pixels, measured in the element's own context (em follows its font). */
function px(el: HTMLElement, length: string): number {
  const probe = document.createElement('div');
  probe.style.blockSize = length;
  el.parentElement!.append(probe);
  const h = probe.getBoundingClientRect().height;
  probe.remove();
  return h;
}

describe('loading skeleton', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  for (const [tag, attrs, height] of ELEMENTS) {
    it(`<${tag}> loads as a quiet skeleton within its loading height (${height}), its words for screen readers`, async () => {
      const hold = deferred();
      const { src } = await publish(network, {}, { delay: hold.promise });
      const wrapper = document.createElement('div');
      wrapper.innerHTML = `<${tag} src="${src}" ${attrs}></${tag}>`;
      await fixture(wrapper);
      const el = wrapper.firstElementChild as Loading;
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      const root = el.shadowRoot!;
      const status = root.querySelector('[role="status"]')!;
      expect(status.textContent).to.contain('Loading security information');
      const bones = Array.from(root.querySelectorAll('.bone')).filter((b) => b.getBoundingClientRect().width > 0);
      expect(bones.length, 'skeleton lines shown').to.equal(3);
      const words = Array.from(status.querySelectorAll('*')).find((n) => n.textContent!.includes('Loading'))!;
      expect(words.getBoundingClientRect().height <= 1, 'the words are not drawn').to.be.true;
      expect(el.getBoundingClientRect().height.toFixed(1)).to.equal(px(el, height).toFixed(1));
      hold.resolve();
    });
  }
});
