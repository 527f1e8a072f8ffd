/**
 * Host pages that fight back: aggressive global CSS, elements moved between parents mid-load,
 * and elements removed and put back.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/all.js';
import { pageCache } from '../../src/elements/loader.js';
import { deferred, installNetwork, publish, settled, type FakeNetwork } from '../fixtures/network.js';

describe('host pages that fight back', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  it('global resets and !important rules do not hide or break the content', async () => {
    const { src } = await publish(network);
    const wrapper = await fixture<HTMLElement>(html`<div>
      <style>
        * { all: unset !important; }
        div, p, span, a { color: transparent !important; }
      </style>
      <trust-badge src=${src}></trust-badge>
      <control-status src=${src} control="mfa"></control-status>
    </div>`);
    const badge = wrapper.querySelector('trust-badge')!;
    const status = wrapper.querySelector('control-status')!;
    await settled(badge);
    await settled(status);
    expect([badge.state, status.state]).to.deep.equal(['verified', 'verified']);
    // Page selectors cannot reach into shadow roots: the badge's inner box keeps its layout and text
    // (the page's !important reset of the host element itself may change the outer size: its choice).
    const box = badge.shadowRoot!.querySelector('[part~="badge"]')!.getBoundingClientRect();
    expect(box.width).to.be.greaterThan(100);
    expect(box.height).to.be.greaterThan(20);
    const name = badge.shadowRoot!.querySelector('[part~="name"]') as HTMLElement;
    expect(name.textContent).to.equal('Vendor Example');
    expect(parseFloat(getComputedStyle(name).fontSize)).to.be.greaterThan(8);
    expect(getComputedStyle(name).color).to.not.equal('rgba(0, 0, 0, 0)');
    const pill = status.shadowRoot!.querySelector('[part~="status"]') as HTMLElement;
    expect(getComputedStyle(pill).borderTopStyle).to.equal('solid');
  });

  it('an element moved to another parent mid-load keeps its one request and still verifies', async () => {
    const hold = deferred();
    const { src } = await publish(network, {}, { delay: hold.promise });
    const wrapper = await fixture<HTMLElement>(
      html`<div><section id="a"><trust-badge src=${src}></trust-badge></section><section id="b"></section></div>`,
    );
    const badge = wrapper.querySelector('trust-badge')!;
    await new Promise((r) => setTimeout(r, 20));
    wrapper.querySelector('#b')!.append(badge);
    await new Promise((r) => setTimeout(r, 20));
    hold.resolve();
    await settled(badge);
    expect(badge.state).to.equal('verified');
    expect(network.requests.filter((u) => u === src)).to.have.length(1);
    expect(network.aborted).to.not.include(src);
  });

  it('an element removed mid-load and put back later loads again and verifies', async () => {
    const hold = deferred();
    const { src } = await publish(network, {}, { delay: hold.promise });
    const wrapper = await fixture<HTMLElement>(html`<div><trust-badge src=${src}></trust-badge></div>`);
    const badge = wrapper.querySelector('trust-badge')!;
    await new Promise((r) => setTimeout(r, 20));
    badge.remove();
    await new Promise((r) => setTimeout(r, 20));
    expect(network.aborted).to.include(src);
    expect(pageCache.pending).to.equal(0);
    hold.resolve();
    wrapper.append(badge);
    await badge.updateComplete;
    await settled(badge);
    expect(badge.state).to.equal('verified');
  });
});
