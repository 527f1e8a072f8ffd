/**
 * Registration: elements written into the page before the library loads upgrade when it does;
 * importing the define modules again, or a second copy of the library defining the same tags,
 * never throws. No define module is imported statically here: the first test needs the tags
 * still undefined.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ControlStatusElement } from '../../src/elements/control-status/control-status.js';
import { define } from '../../src/elements/define.js';
import { installNetwork, publish, settled, type FakeNetwork } from '../fixtures/network.js';

const TAGS = ['trust-badge', 'control-status', 'subprocessor-list', 'trust-center'] as const;

/** A fresh instance of a module (a second copy of the library), through a query string. */
const freshCopy = (path: string, copy: string) => import(new URL(`${path}?copy=${copy}`, import.meta.url).href);

describe('registration', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  it('a <control-status> in the page before its definition is imported upgrades, keeping attributes and properties', async () => {
    expect(customElements.get('control-status')).to.equal(undefined);
    const { src } = await publish(network);
    const wrapper = await fixture<HTMLElement>(html`<div><control-status src=${src} control="mfa"></control-status></div>`);
    const byAttribute = wrapper.querySelector('control-status')!;
    const byProperty = document.createElement('control-status');
    byProperty.src = src;
    byProperty.control = 'sso';
    wrapper.append(byProperty);
    expect(byAttribute instanceof ControlStatusElement, 'upgraded before its tag was defined').to.be.false;
    expect(byAttribute.shadowRoot === null, 'no shadow root before the upgrade').to.be.true;

    await import('../../src/define/control-status.js');

    expect(customElements.get('control-status')).to.equal(ControlStatusElement);
    for (const el of [byAttribute, byProperty]) {
      expect(el instanceof ControlStatusElement, 'upgraded').to.be.true;
      await settled(el);
      expect(el.state).to.equal('verified');
    }
    const label = (el: Element) => el.shadowRoot!.querySelector('[part="badge"]')!.getAttribute('aria-label');
    expect(label(byAttribute)).to.equal('Multi-factor authentication: Shipped');
    expect(label(byProperty)).to.equal('Enterprise SSO: Roadmap');
  });

  it('the other tags upgrade when src/define/all.ts is imported', async () => {
    const { src } = await publish(network);
    const wrapper = await fixture<HTMLElement>(html`<div>
      <trust-badge src=${src}></trust-badge>
      <subprocessor-list src=${src}></subprocessor-list>
      <trust-center src=${src}></trust-center>
    </div>`);
    expect(customElements.get('trust-badge')).to.equal(undefined);
    await import('../../src/define/all.js');
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.be.a('function');
    for (const el of Array.from(wrapper.children) as (HTMLElement & { state: string; updateComplete: Promise<boolean> })[]) {
      expect(el.shadowRoot !== null, `${el.localName} has a shadow root`).to.be.true;
      await settled(el);
      expect(el.state, el.localName).to.equal('verified');
    }
  });

  it('importing every define module again, as a second copy of the library, never throws and keeps the first definitions', async () => {
    await import('../../src/define/all.js');
    const first = TAGS.map((tag) => customElements.get(tag));
    for (const copy of ['1', '2']) {
      for (const tag of TAGS) await freshCopy(`../../src/define/${tag}.ts`, copy);
      await freshCopy('../../src/define/all.ts', copy);
    }
    expect(TAGS.map((tag) => customElements.get(tag))).to.deep.equal(first);
  });

  it('define() with a second class for a taken tag never throws, where customElements.define would', async () => {
    await import('../../src/define/all.js');
    class SecondCopy extends ControlStatusElement {}
    expect(() => customElements.define('control-status', SecondCopy)).to.throw();
    expect(() => define('control-status', SecondCopy)).to.not.throw();
    const otherDefine = (await freshCopy('../../src/elements/define.ts', 'other')) as { define: typeof define };
    expect(otherDefine.define).to.not.equal(define);
    expect(() => otherDefine.define('control-status', class extends HTMLElement {})).to.not.throw();
    expect(customElements.get('control-status')).to.equal(ControlStatusElement);
    // And the page still works.
    const { src } = await publish(network);
    const el = await fixture<ControlStatusElement>(html`<control-status src=${src} control="sso"></control-status>`);
    await settled(el);
    expect(el.state).to.equal('verified');
  });
});
