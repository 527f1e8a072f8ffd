/**
 * Issue 15 point 3: "Verified" explained on demand. The seal of `<trust-center>` and
 * `<subprocessor-list>`, and `<trust-badge>`, have a disclosure button (aria-expanded,
 * aria-controls) that opens a short explanation: who signed (worded by the trust mode), what the
 * signature proves, that the statements are the vendor's own and not an audit, when it expires,
 * and the command that checks it. Enter, Space and a click open it; Escape closes it and gives
 * focus back to the button. The badge's explanation lies over the page: nothing around it moves.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/define/all.js';
import { formatDate } from '../../src/elements/i18n.js';
import { installNetwork, publish, settled, type FakeNetwork } from '../fixtures/network.js';

type Tag = 'trust-center' | 'subprocessor-list' | 'trust-badge';
type Element15 = HTMLElement & { state: string; updateComplete: Promise<boolean> };

const TAGS: Tag[] = ['trust-center', 'subprocessor-list', 'trust-badge'];

function make(tag: Tag, src: string, attrs = ''): Element15 {
  const holder = document.createElement('div');
  holder.innerHTML = `<${tag} ${attrs}></${tag}>`;
  const el = holder.firstElementChild as Element15;
  el.setAttribute('src', src);
  return el;
}

/** The explanation's button and the panel its aria-controls names. */
function explanation(el: Element) {
  const root = el.shadowRoot!;
  const button = root.querySelector<HTMLButtonElement>('[part="explain"]');
  const id = button?.getAttribute('aria-controls');
  return { button, panel: id ? root.getElementById(id) : null };
}

const isShown = (panel: HTMLElement | null) =>
  !!panel && getComputedStyle(panel).display !== 'none' && panel.getBoundingClientRect().height > 0;
const words = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ');
const centre = (el: Element): [number, number] => {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
};
const box = (el: Element) => {
  const r = el.getBoundingClientRect();
  return [r.x, r.y, r.width, r.height].map((n) => n.toFixed(1)).join(' ');
};

describe('the explanation of "Verified" (issue 15)', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(async () => {
    network.restore();
    await sendMouse({ type: 'move', position: [0, 0] });
    await resetMouse();
  });

  for (const tag of TAGS) {
    it(`<${tag}>: Enter opens it (signer, expiry, "the vendor's own, not an audit", the command); Escape closes it and returns focus; Space opens it`, async () => {
      const vendor = await publish(network);
      const el = await fixture<Element15>(make(tag, vendor.src));
      await settled(el);
      expect(el.state).to.equal('verified');
      const { button, panel } = explanation(el);
      expect(button !== null, 'a disclosure button').to.equal(true);
      expect(panel !== null, 'aria-controls names the panel').to.equal(true);
      expect(button!.getAttribute('aria-expanded')).to.equal('false');
      expect(isShown(panel)).to.equal(false);

      button!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button!.getAttribute('aria-expanded')).to.equal('true');
      expect(isShown(panel)).to.equal(true);
      const text = words(panel);
      expect(text).to.contain(`Signed by ${new URL(vendor.origin).host}'s published key.`);
      expect(text).to.contain('comes unchanged from the holder of that key');
      expect(text).to.contain('they are Vendor Example’s own, not an audit');
      expect(text).to.contain(`Expires ${formatDate(vendor.document.expires, 'en')}.`);
      expect(text).to.contain(`npx trust-elements verify ${vendor.src}`);

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(button!.getAttribute('aria-expanded')).to.equal('false');
      expect(isShown(panel)).to.equal(false);
      expect(el.shadowRoot!.activeElement === button, 'focus is back on the button').to.equal(true);

      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(button!.getAttribute('aria-expanded')).to.equal('true');
      expect(isShown(panel)).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it(`<${tag}>: a click opens it and a second click closes it`, async () => {
      const vendor = await publish(network);
      const el = await fixture<Element15>(make(tag, vendor.src));
      await settled(el);
      const { button, panel } = explanation(el);
      button!.scrollIntoView({ block: 'center' });
      await sendMouse({ type: 'click', position: centre(button!) });
      await el.updateComplete;
      expect(button!.getAttribute('aria-expanded')).to.equal('true');
      expect(isShown(panel)).to.equal(true);
      await sendMouse({ type: 'click', position: centre(button!) });
      await el.updateComplete;
      expect(button!.getAttribute('aria-expanded')).to.equal('false');
      expect(isShown(panel)).to.equal(false);
    });
  }

  it('with a pin: names the pinned key, not the domain, and the command checks with the same pin', async () => {
    const vendor = await publish(network);
    const kid = vendor.signer.publicJwk.kid!;
    for (const tag of TAGS) {
      const el = await fixture<Element15>(make(tag, vendor.src, `pin="${kid}"`));
      await settled(el);
      const { button, panel } = explanation(el);
      button!.click();
      await el.updateComplete;
      const text = words(panel);
      expect(text, tag).to.contain('Signed by the key this page pinned.');
      expect(text, tag).not.to.contain(`Signed by ${new URL(vendor.origin).host}`);
      expect(text, tag).to.contain(`npx trust-elements verify ${vendor.src} --pin ${kid}`);
    }
  });

  it('with a key set the page named: says so, and the command uses that key set', async () => {
    const vendor = await publish(network);
    const el = await fixture<Element15>(make('trust-center', vendor.src, `keys="${vendor.jwksUrl}"`));
    await settled(el);
    const { button, panel } = explanation(el);
    button!.click();
    await el.updateComplete;
    expect(words(panel)).to.contain('Signed by the key set this page named.').and.contain(`--jwks ${vendor.jwksUrl}`);
  });

  it('speaks German and French', async () => {
    const vendor = await publish(network);
    const expected = {
      de: ['kein Audit', `Gültig bis ${formatDate(vendor.document.expires, 'de')}.`, 'Was bedeutet „Verifiziert“?'],
      fr: ['pas un audit', `Expire le ${formatDate(vendor.document.expires, 'fr')}.`, 'Que signifie'],
    };
    for (const [lang, [notAudit, expiry, question]] of Object.entries(expected)) {
      const el = await fixture<Element15>(make('trust-badge', vendor.src, `lang="${lang}"`));
      await settled(el);
      const { button, panel } = explanation(el);
      expect(button!.getAttribute('aria-label'), lang).to.contain(question);
      expect(words(panel), lang).to.contain(notAudit).and.contain(expiry);
    }
  });

  it('an expired document: the explanation says when it expired', async () => {
    const DAY = 86_400_000;
    const expires = new Date(Date.now() - 10 * DAY).toISOString();
    const vendor = await publish(network, { issued: new Date(Date.now() - 40 * DAY).toISOString(), expires });
    const el = await fixture<Element15>(make('trust-badge', vendor.src));
    await settled(el);
    expect(el.state).to.equal('expired');
    expect(words(explanation(el).panel)).to.contain(`This information expired on ${formatDate(expires, 'en')}.`);
  });

  it('the badge keeps its box: its explanation lies over the page, and nothing around the badge moves', async () => {
    const vendor = await publish(network);
    const wrapper = await fixture<HTMLElement>(html`<div style="font: 16px/1.5 sans-serif">
      <p>Before <trust-badge src=${vendor.src} href="https://vendor.example/trust"></trust-badge> <span id="after">after</span></p>
      <p id="below">The paragraph below the badge.</p>
    </div>`);
    const badge = wrapper.querySelector('trust-badge') as Element15;
    await settled(badge);
    const marks = () => [badge, wrapper.querySelector('#after')!, wrapper.querySelector('#below')!].map(box);
    const before = marks();
    const { button, panel } = explanation(badge);
    // The button is not inside the link: opening the explanation does not follow it.
    expect(button!.closest('a') === null, 'the button is outside the link').to.equal(true);
    button!.click();
    await badge.updateComplete;
    expect(isShown(panel)).to.equal(true);
    expect(marks()).to.deep.equal(before);
    // It lies over the paragraph below instead of pushing it down.
    const below = wrapper.querySelector('#below')!.getBoundingClientRect();
    expect(panel!.getBoundingClientRect().bottom).to.be.greaterThan(below.top);
  });

  it("the badge's verified mark shows through its button: the button paints no background or border over it", async () => {
    const vendor = await publish(network);
    const badge = await fixture<Element15>(make('trust-badge', vendor.src));
    await settled(badge);
    const { button } = explanation(badge);
    const look = getComputedStyle(button!);
    expect(look.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(look.borderTopStyle).to.equal('none');
    expect(badge.shadowRoot!.querySelector('[part="mark"]')!.textContent).to.contain('✓');
  });
});
