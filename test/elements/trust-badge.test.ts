import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define/trust-badge.js';
import type { TrustBadgeElement } from '../../src/define/trust-badge.js';
import { deferred, installNetwork, publish, settled, tamper, type FakeNetwork } from '../fixtures/network.js';

describe('<trust-badge>', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  it('shows the organization, a verified mark and how many controls are shipped, linking to href', async () => {
    const { src } = await publish(network);
    const el = document.createElement('trust-badge');
    el.src = src;
    el.href = 'https://vendor.example/trust';
    const loaded = oneEvent(el, 'trust-load');
    await fixture(el);
    await settled(el);
    expect(el.state).to.equal('verified');
    expect(el.getAttribute('state')).to.equal('verified');
    const link = el.shadowRoot!.querySelector('a')!;
    expect(link.href).to.equal('https://vendor.example/trust');
    expect(link.textContent).to.contain('Vendor Example').and.contain('Verified').and.contain('1 of 2 controls shipped');
    expect((await loaded).detail.signer).to.be.a('string');
    await expect(el).to.be.accessible();
  });

  it('never makes a link from a non-https href', async () => {
    const { src } = await publish(network);
    const el = await fixture<TrustBadgeElement>(html`<trust-badge src=${src} href="javascript:alert(1)"></trust-badge>`);
    await settled(el);
    expect(el.shadowRoot!.querySelector('a') === null, 'no link').to.be.true;
    expect(el.shadowRoot!.textContent).to.contain('Vendor Example');
  });

  it('fails closed on a tampered document: no organization name, a clear message, same size', async () => {
    const good = await publish(network);
    const bad = await publish(network, {}, { text: tamper });
    const errors: CustomEvent[] = [];
    const collect = (e: Event) => errors.push(e as CustomEvent);
    document.addEventListener('trust-error', collect);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <trust-badge src=${good.src}></trust-badge><trust-badge src=${bad.src}></trust-badge>
    </div>`);
    const [ok, tampered] = Array.from(wrapper.querySelectorAll('trust-badge'));
    await settled(ok!);
    await settled(tampered!);
    document.removeEventListener('trust-error', collect);
    expect(tampered!.state).to.equal('unverified');
    expect(errors.map((e) => `${e.target === tampered ? 'tampered badge' : 'another element'}: ${e.detail.code}`)).to.deep.equal([
      'tampered badge: signature-invalid',
    ]);
    expect(tampered!.shadowRoot!.textContent).to.not.contain('Vendor Exampl');
    expect(tampered!.shadowRoot!.textContent).to.contain('Not verified');
    const a = ok!.getBoundingClientRect();
    const b = tampered!.getBoundingClientRect();
    expect([b.width, b.height]).to.deep.equal([a.width, a.height]);
    await expect(tampered!).to.be.accessible();
  });

  it('moves nothing from loading to verified: same box, and its text stays where it was', async () => {
    const hold = deferred();
    const { src } = await publish(network, {}, { delay: hold.promise });
    const el = await fixture<TrustBadgeElement>(html`<trust-badge src=${src}></trust-badge>`);
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    const place = () => {
      const text = el.shadowRoot!.querySelector('.text')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return [box.width, box.height, text.x - box.x, text.y - box.y, text.height].map((n) => n.toFixed(1));
    };
    const loading = place();
    hold.resolve();
    await settled(el);
    expect(el.state).to.equal('verified');
    expect(el.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.contain('controls shipped');
    expect(place()).to.deep.equal(loading);
  });

  it('speaks the nearest lang', async () => {
    const { src } = await publish(network);
    const el = await fixture<HTMLElement>(html`<div lang="de"><trust-badge src=${src}></trust-badge></div>`);
    const badge = el.querySelector('trust-badge')!;
    await settled(badge);
    expect(badge.shadowRoot!.textContent).to.contain('Verifiziert').and.contain('1 von 2 Maßnahmen umgesetzt');
  });
});
