/**
 * trust-elements/react (src/react): the React components render the real custom elements with
 * react-dom's createRoot, set their properties, and call onTrustLoad / onTrustError. React is
 * CommonJS: web-test-runner.config.mjs turns react, react-dom and scheduler into ES modules.
 * No JSX: React.createElement, so esbuild needs no JSX transform.
 */
import { expect } from '@open-wc/testing';
import React from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { thumbprint } from '../../src/core/index.js';
import {
  ControlStatus,
  ControlStatusElement,
  SubprocessorList,
  type SubprocessorListElement,
  TrustBadge,
  TrustBadgeElement,
  TrustCenter,
  type TrustErrorEvent,
  type TrustLoadEvent,
} from '../../src/react/index.js';
import { installNetwork, publish, settled, tamper, type FakeNetwork } from '../fixtures/network.js';

/** Records the calls of an event prop. */
function recorder<E extends Event>() {
  const calls: E[] = [];
  const fn = (e: E) => void calls.push(e);
  return Object.assign(fn, { calls });
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('trust-elements/react', () => {
  let network: FakeNetwork;
  let container: HTMLDivElement;
  let root: Root;
  /** Renders synchronously, so the element is in the document when it returns. */
  const render = (node: React.ReactNode) => flushSync(() => root.render(node));

  beforeEach(() => {
    network = installNetwork();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    flushSync(() => root.unmount());
    container.remove();
    network.restore();
  });

  it('exports one component per element, each registering its tag', () => {
    expect(ControlStatus.displayName).to.equal('ControlStatus');
    expect(TrustBadge.displayName).to.equal('TrustBadge');
    expect(TrustCenter.displayName).to.equal('TrustCenter');
    expect(SubprocessorList.displayName).to.equal('SubprocessorList');
    for (const tag of ['trust-center', 'subprocessor-list', 'control-status', 'trust-badge'])
      expect(customElements.get(tag), tag).to.be.a('function');
    expect(customElements.get('control-status')).to.equal(ControlStatusElement);
    expect(customElements.get('trust-badge')).to.equal(TrustBadgeElement);
  });

  it('<ControlStatus control="mfa">: upgrades, verifies, shows the control and calls onTrustLoad with the signer', async () => {
    const { src, signer } = await publish(network);
    const onTrustLoad = recorder<TrustLoadEvent>();
    const onTrustError = recorder<TrustErrorEvent>();
    const ref = React.createRef<ControlStatusElement>();
    render(React.createElement(ControlStatus, { src, control: 'mfa', onTrustLoad, onTrustError, ref }));

    const el = container.querySelector('control-status')!;
    expect(el instanceof ControlStatusElement, 'a <control-status> element').to.be.true;
    expect(ref.current === el, 'the ref holds the element').to.be.true;
    // Properties, set as such (the element reflects them).
    expect(el.src).to.equal(src);
    expect(el.control).to.equal('mfa');
    await settled(el);
    expect(el.getAttribute('state')).to.equal('verified');
    expect(el.getAttribute('control')).to.equal('mfa');
    expect(text(el)).to.contain('Multi-factor authentication').and.contain('Shipped');

    expect(onTrustError.calls).to.have.length(0);
    expect(onTrustLoad.calls).to.have.length(1);
    const event = onTrustLoad.calls[0]!;
    expect(event.target === el, 'the event comes from the element').to.be.true;
    expect(event.detail.signer).to.equal(await thumbprint(signer.publicJwk));
    expect(event.detail.expired).to.equal(false);
    expect(event.detail.posture.document.organization.name).to.equal('Vendor Example');
  });

  it('<TrustBadge>: verified for a good document, onTrustError (signature-invalid) for a tampered one', async () => {
    const good = await publish(network);
    const bad = await publish(network, {}, { text: tamper });
    const goodLoad = recorder<TrustLoadEvent>();
    const goodError = recorder<TrustErrorEvent>();
    const badLoad = recorder<TrustLoadEvent>();
    const badError = recorder<TrustErrorEvent>();
    render(
      React.createElement(
        'div',
        null,
        React.createElement(TrustBadge, {
          key: 'good',
          src: good.src,
          href: 'https://vendor.example/trust',
          onTrustLoad: goodLoad,
          onTrustError: goodError,
        }),
        React.createElement(TrustBadge, { key: 'bad', src: bad.src, onTrustLoad: badLoad, onTrustError: badError }),
      ),
    );
    const [ok, tampered] = Array.from(container.querySelectorAll('trust-badge'));
    expect(ok instanceof TrustBadgeElement, 'a <trust-badge> element').to.be.true;
    await settled(ok!);
    await settled(tampered!);

    expect(ok!.getAttribute('state')).to.equal('verified');
    expect(ok!.shadowRoot!.querySelector('a')!.href).to.equal('https://vendor.example/trust');
    expect(text(ok!)).to.contain('Vendor Example').and.contain('Verified');
    expect(goodLoad.calls.map((e) => e.detail.signer)).to.deep.equal([await thumbprint(good.signer.publicJwk)]);
    expect(goodError.calls).to.have.length(0);

    expect(tampered!.getAttribute('state')).to.equal('unverified');
    expect(text(tampered!)).to.contain('Not verified').and.not.contain('Vendor Exampl');
    expect(badLoad.calls).to.have.length(0);
    expect(badError.calls.map((e) => `${e.target === tampered ? 'tampered badge' : 'another element'}: ${e.detail.code}`)).to.deep.equal([
      'tampered badge: signature-invalid',
    ]);
    expect(badError.calls[0]!.detail.message).to.be.a('string').and.not.equal('');
  });

  it('<TrustCenter> and <SubprocessorList>: verified, one onTrustLoad each (not one more from the list inside the center)', async () => {
    const { src } = await publish(network);
    const centerLoad = recorder<TrustLoadEvent>();
    const listLoad = recorder<TrustLoadEvent>();
    render(
      React.createElement(
        React.Fragment,
        null,
        React.createElement(TrustCenter, { src, onTrustLoad: centerLoad }),
        React.createElement(SubprocessorList, { src, onTrustLoad: listLoad }),
      ),
    );
    const center = container.querySelector('trust-center')!;
    const list = container.querySelector<SubprocessorListElement>(':scope > subprocessor-list')!;
    await settled(center);
    await settled(list);
    await new Promise((r) => setTimeout(r, 50)); // room for a late, duplicate event
    expect(center.getAttribute('state')).to.equal('verified');
    expect(list.getAttribute('state')).to.equal('verified');
    expect(
      centerLoad.calls.map((e) => e.target === center),
      'events, each from the center',
    ).to.deep.equal([true]);
    expect(
      listLoad.calls.map((e) => e.target === list),
      'events, each from the list',
    ).to.deep.equal([true]);
  });

  it('re-rendering with another src and handler reloads, and the new handler is called', async () => {
    const first = await publish(network);
    const second = await publish(network, {}, { text: tamper });
    const firstLoad = recorder<TrustLoadEvent>();
    const firstError = recorder<TrustErrorEvent>();
    render(React.createElement(ControlStatus, { src: first.src, control: 'mfa', onTrustLoad: firstLoad, onTrustError: firstError }));
    const el = container.querySelector('control-status')!;
    await settled(el);
    expect(firstLoad.calls).to.have.length(1);

    const secondError = recorder<TrustErrorEvent>();
    render(React.createElement(ControlStatus, { src: second.src, control: 'mfa', onTrustLoad: firstLoad, onTrustError: secondError }));
    expect(container.querySelector('control-status') === el, 'the same element, updated').to.be.true;
    await el.updateComplete;
    await settled(el);
    expect(el.getAttribute('state')).to.equal('unverified');
    expect(secondError.calls.map((e) => e.detail.code)).to.deep.equal(['signature-invalid']);
    expect(firstError.calls).to.have.length(0);
    expect(firstLoad.calls).to.have.length(1);
  });
});
