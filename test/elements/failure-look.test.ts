/**
 * Failures that do not shame the vendor (issue 15, point 5): a document that could not be loaded
 * (network, HTTP status) looks neutral, unlike one that failed its checks (red) or expired (amber),
 * in every element — computed colours compared. And the host chooses what a failure shows:
 * `on-error="hide"` leaves no box at all, a `slot="fallback"` shows the page's own content, and
 * `trust-error` fires either way.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../src/define/all.js';
import { installNetwork, publish, settled, tamper, type FakeNetwork } from '../fixtures/network.js';

const DAY = 86_400_000;
type Failure = 'unavailable' | 'unverified' | 'expired';
type Settling = HTMLElement & { state: string; updateComplete: Promise<boolean> };

/** A source that fails the given way: a 404, a tampered document, an expired one (shown with expired="hide"). */
async function failing(network: FakeNetwork, failure: Failure): Promise<string> {
  if (failure === 'unverified') return (await publish(network, {}, { text: tamper })).src;
  if (failure === 'expired') {
    const now = Date.now();
    return (await publish(network, { issued: new Date(now - 40 * DAY).toISOString(), expires: new Date(now - DAY).toISOString() })).src;
  }
  const { src } = await publish(network);
  network.routes.delete(src); // the fake network answers 404
  return src;
}

const TAGS: Record<string, string> = {
  'trust-center': '',
  'subprocessor-list': '',
  'control-status': 'control="mfa"',
  'trust-badge': '',
};

/** The colour that tells the failure apart: the problem box's border, the control's pill, the badge's mark. */
function failureColour(el: HTMLElement): string {
  const root = el.shadowRoot!;
  if (el.localName === 'trust-badge') return getComputedStyle(root.querySelector('.mark')!).backgroundColor;
  if (el.localName === 'control-status') return getComputedStyle(root.querySelector('.pill')!).color;
  return getComputedStyle(root.querySelector('[part="problem"]')!).borderTopColor;
}

async function show(markup: string): Promise<{ wrapper: HTMLElement; el: Settling; errors: string[] }> {
  const errors: string[] = [];
  const wrapper = document.createElement('div');
  wrapper.addEventListener('trust-error', (e) => errors.push((e as CustomEvent<{ code: string }>).detail.code));
  wrapper.innerHTML = markup;
  await fixture(wrapper);
  const el = wrapper.firstElementChild as Settling;
  await settled(el);
  return { wrapper, el, errors };
}

describe('failures on the host page', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  for (const [tag, attrs] of Object.entries(TAGS)) {
    it(`<${tag}>: unavailable, not verified and expired look different (computed colours)`, async () => {
      const colours: Record<string, string> = {};
      for (const failure of ['unavailable', 'unverified', 'expired'] as const) {
        const src = await failing(network, failure);
        const { el } = await show(`<${tag} src="${src}" ${attrs} expired="hide"></${tag}>`);
        expect(el.state, failure).to.equal(failure === 'unavailable' ? 'error' : failure);
        colours[failure] = failureColour(el);
      }
      expect(colours.unavailable, 'unavailable vs not verified').to.not.equal(colours.unverified);
      expect(colours.expired, 'expired vs not verified').to.not.equal(colours.unverified);
      expect(colours.unavailable, 'unavailable vs expired').to.not.equal(colours.expired);
    });

    for (const failure of ['unavailable', 'unverified', 'expired'] as const) {
      it(`<${tag} on-error="hide">: ${failure} leaves no box, and trust-error still fires`, async () => {
        const src = await failing(network, failure);
        const { el, errors } = await show(`<${tag} src="${src}" ${attrs} expired="hide" on-error="hide"></${tag}>`);
        const box = el.getBoundingClientRect();
        expect([box.width, box.height]).to.deep.equal([0, 0]);
        expect(errors).to.have.length(1);
      });
    }

    it(`<${tag}> with slot="fallback": the page's own content replaces the problem display, and trust-error still fires`, async () => {
      const src = await failing(network, 'unavailable');
      const { el, errors } = await show(
        `<${tag} src="${src}" ${attrs}><a slot="fallback" href="https://vendor.example/security">Our security page</a></${tag}>`,
      );
      const link = el.querySelector('a')!.getBoundingClientRect();
      expect(link.width > 0 && link.height > 0, 'the fallback link is shown').to.be.true;
      const shown = Array.from(el.shadowRoot!.querySelectorAll('[part="problem"], [part="badge"], [part="status"]')).filter(
        (n) => n.getClientRects().length > 0,
      );
      expect(shown.length, 'problem display shown').to.equal(0);
      expect(errors).to.deep.equal(['http-status']);
    });
  }

  it('a verified element with on-error="hide" and a fallback is shown as usual', async () => {
    const { src } = await publish(network);
    const { el } = await show(`<trust-badge src="${src}" on-error="hide"><span slot="fallback">Fallback</span></trust-badge>`);
    expect(el.state).to.equal('verified');
    expect(el.getBoundingClientRect().width > 0).to.be.true;
    expect(el.querySelector('span')!.getClientRects().length, 'fallback hidden').to.equal(0);
  });
});
