/**
 * A document the validator accepts never leaves an element stuck at `loading`: URLs and dates the
 * elements cannot format are refused by validation with their path, and any exception while
 * rendering becomes `state="error"` with a `trust-error` (`render-failed`) and a problem box.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import '../../src/define/all.js';
import type { VerifiedPosture } from '../../src/core/index.js';
import { ControlStatusElement, SubprocessorListElement, TrustBadgeElement, TrustCenterElement } from '../../src/elements/index.js';
import type { TrustErrorDetail } from '../../src/elements/events.js';
import { installNetwork, jsonResponse, publish, type FakeNetwork } from '../fixtures/network.js';
import { makeDocument, signedRaw } from '../fixtures/posture.js';

type Settled = HTMLElement & { state: string; updateComplete: Promise<boolean> };

let network: FakeNetwork;

/** Puts `<tag>` on the page and waits (at most 3 s) until it leaves `loading`; resolves with its trust-errors. */
async function mount(tag: string, attrs: Record<string, string>): Promise<{ element: Settled; errors: TrustErrorDetail[]; loads: number }> {
  const element = document.createElement(tag) as Settled;
  const errors: TrustErrorDetail[] = [];
  let loads = 0;
  element.addEventListener('trust-error', (e) => errors.push((e as CustomEvent<TrustErrorDetail>).detail));
  element.addEventListener('trust-load', () => loads++);
  for (const [k, v] of Object.entries({ lang: 'en', ...attrs })) element.setAttribute(k, v);
  document.body.append(element);
  const start = Date.now();
  while (element.getAttribute('state') === 'loading' || element.state === 'loading') {
    if (Date.now() - start > 3000) return { element, errors, loads };
    await new Promise((r) => setTimeout(r, 10));
  }
  await element.updateComplete;
  return { element, errors, loads };
}

const shadowText = (element: Element) => element.shadowRoot?.textContent ?? '';

describe('documents the elements cannot format', () => {
  beforeEach(() => (network = installNetwork()));
  afterEach(() => {
    network.restore();
    document.body.querySelectorAll('[src]').forEach((e) => e.remove());
  });

  // Each value used to pass validation and then throw while rendering (decodeURIComponent, new URL).
  const CASES: { what: string; path: string; overrides: Record<string, unknown>; keys?: boolean }[] = [
    { what: 'contact url mailto:%', path: '$.contacts[0].url', overrides: { contacts: [{ role: 'security', url: 'mailto:%' }] } },
    {
      what: 'report url mailto:%E0%A4%A',
      path: '$.certifications[0].report.url',
      overrides: {
        certifications: [{ id: 'iso', framework: 'ISO 27001', status: 'certified', report: { access: 'public', url: 'mailto:%E0%A4%A' } }],
      },
    },
    {
      what: 'document url mailto:%E0%A4 (not UTF-8)',
      path: '$.documents[0].url',
      overrides: { documents: [{ title: 'Policy', access: 'public', url: 'mailto:%E0%A4' }] },
    },
    {
      what: 'link url mailto:a%zz@…',
      path: '$.links.other[0].url',
      overrides: { links: { other: [{ title: 'More', url: 'mailto:a%zz@vendor.example' }] } },
    },
    { what: 'issuer with port 99999', path: '$.issuer', overrides: { issuer: 'http://localhost:99999' }, keys: true },
  ];

  for (const { what, path, overrides, keys } of CASES) {
    it(`refuses ${what} with its path (schema-invalid), never a stuck loading`, async () => {
      // Signed as it is, past the signing code's own validation: what a vendor with another tool could publish.
      const published = await publish(network);
      const signed = await signedRaw(JSON.stringify(makeDocument({ issuer: published.origin, ...overrides })), published.signer);
      network.routes.set(published.src, () => jsonResponse(signed));
      const { element, errors } = await mount('trust-center', { src: published.src, ...(keys ? { keys: published.jwksUrl } : {}) });
      expect(element.getAttribute('state'), what).to.equal('error');
      expect(errors.map((e) => e.code)).to.deep.equal(['schema-invalid']);
      expect(errors[0]!.message).to.contain(path);
      expect(shadowText(element)).to.contain(path);
    });
  }
});

/** Makes a subclass of `base`, registered as `tag`, whose verified rendering fails as `how` says. */
function broken<
  T extends typeof TrustCenterElement | typeof SubprocessorListElement | typeof ControlStatusElement | typeof TrustBadgeElement,
>(base: T, tag: string, how: 'render' | 'commit'): string {
  // A directive whose render throws: the exception comes while Lit commits, after render() returned.
  const explode = directive(
    class extends Directive {
      render(): unknown {
        throw new TypeError('commit went wrong');
      }
    },
  );
  const Broken = class extends (base as typeof TrustCenterElement) {
    /** Cleared by a test to see the element recover. */
    fail = true;
    protected override renderPosture(posture: VerifiedPosture, expired: boolean): unknown {
      if (!this.fail) return super.renderPosture(posture, expired);
      if (how === 'render') throw new URIError('URI malformed');
      return html`${super.renderPosture(posture, expired)}<p>${explode()}</p>`;
    }
  };
  if (!customElements.get(tag)) customElements.define(tag, Broken);
  return tag;
}

describe('an exception while rendering', () => {
  beforeEach(() => (network = installNetwork()));
  afterEach(() => {
    network.restore();
    document.body.querySelectorAll('[src]').forEach((e) => e.remove());
  });

  const BASES = [
    ['trust-center', TrustCenterElement],
    ['subprocessor-list', SubprocessorListElement],
    ['control-status', ControlStatusElement],
    ['trust-badge', TrustBadgeElement],
  ] as const;

  for (const [name, base] of BASES) {
    for (const how of ['render', 'commit'] as const) {
      it(`<${name}>: a failure during ${how} becomes state="error", one trust-error render-failed, and a problem box`, async () => {
        const tag = broken(base, `broken-${how}-${name}`, how);
        const published = await publish(network);
        const { element, errors, loads } = await mount(tag, { src: published.src });
        expect(element.getAttribute('state'), 'state attribute').to.equal('error');
        expect(element.state).to.equal('error');
        expect(loads, 'no trust-load').to.equal(0);
        expect(errors.map((e) => e.code)).to.deep.equal(['render-failed']);
        expect(errors[0]!.message).to.contain(how === 'render' ? 'URI malformed' : 'commit went wrong');
        expect(element.shadowRoot!.querySelector('[part~="problem"], [part~="badge"]') !== null, 'a problem is shown').to.equal(true);
        expect(shadowText(element)).to.not.contain('Verified');
        // A later update (here: a new theme) renders the problem again, without a second event.
        element.setAttribute('theme', 'dark');
        await element.updateComplete;
        await new Promise((r) => setTimeout(r, 20));
        expect(element.getAttribute('state')).to.equal('error');
        expect(errors.length, 'one trust-error').to.equal(1);
      });
    }
  }

  it('a failure while deriving what to render (ownProblem) is a render-failed problem too', async () => {
    const tag = 'broken-derive-control-status';
    if (!customElements.get(tag)) {
      customElements.define(
        tag,
        class extends ControlStatusElement {
          protected override ownProblem(): never {
            throw new RangeError('derivation went wrong');
          }
        },
      );
    }
    const published = await publish(network);
    const { element, errors, loads } = await mount(tag, { src: published.src, control: 'mfa' });
    expect(element.getAttribute('state')).to.equal('error');
    expect(loads).to.equal(0);
    expect(errors.map((e) => e.code)).to.deep.equal(['render-failed']);
    expect(errors[0]!.message).to.contain('derivation went wrong');
  });

  it('an update after the cause is gone renders the document, verified, with its trust-load', async () => {
    const tag = broken(TrustCenterElement, 'broken-render-trust-center', 'render');
    const published = await publish(network);
    const { element, errors } = await mount(tag, { src: published.src });
    expect(element.getAttribute('state')).to.equal('error');
    expect(errors.map((e) => e.code)).to.deep.equal(['render-failed']);
    let loaded = false;
    element.addEventListener('trust-load', () => (loaded = true));
    (element as Settled & { fail: boolean }).fail = false;
    element.setAttribute('theme', 'dark');
    await element.updateComplete;
    expect(element.getAttribute('state')).to.equal('verified');
    expect(loaded, 'trust-load').to.equal(true);
    expect(shadowText(element)).to.contain('Verified');
  });
});
