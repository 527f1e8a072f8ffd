/**
 * <trust-center> presents itself as the best hosted trust pages do (issue 15, point 7): the
 * certifications up front as tiles under the header, the organization's logo prominent, "request
 * access" as a call to action for documents on request or under NDA, and no sideways scrolling on a phone.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/trust-center.js';
import type { TrustCenterElement } from '../../src/define/trust-center.js';
import type { PostureDocument } from '../../src/core/index.js';
import { installNetwork, publish, settled, type FakeNetwork } from '../fixtures/network.js';

const DAY = 86_400_000;
/** A date `days` from today, as the format writes it. */
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** A vendor with a logo, three certifications (current, in progress, lapsed) and three documents. */
const vendor = (): Partial<PostureDocument> => ({
  version: '1.1',
  organization: { name: 'Tile Vendor', url: 'https://tiles.example', logo: 'https://tiles.example/logo.svg' },
  certifications: [
    {
      id: 'soc2',
      framework: 'SOC 2',
      status: 'certified',
      kind: 'attestation',
      reportType: 'Type II',
      period: { from: day(-200), to: day(100) },
      report: { access: 'nda', contact: 'trust@tiles.example' },
    },
    { id: 'iso', framework: 'ISO/IEC 27001', status: 'in-progress' },
    { id: 'old', framework: 'PCI DSS', status: 'certified', period: { from: day(-500), to: day(-10) } },
  ],
  documents: [
    { title: 'Penetration test summary', access: 'nda', contact: 'security@tiles.example' },
    { title: 'Data-processing agreement', access: 'on-request', url: 'https://tiles.example/request-dpa' },
    { title: 'Security whitepaper', access: 'public', url: 'https://tiles.example/whitepaper.pdf' },
  ],
});

const english = (date: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

async function center(network: FakeNetwork, overrides: Partial<PostureDocument>, width?: number): Promise<TrustCenterElement> {
  const { src } = await publish(network, overrides);
  const box = await fixture<HTMLDivElement>(html`<div style=${width ? `width: ${width}px` : ''}></div>`);
  const el = document.createElement('trust-center');
  el.src = src;
  el.setAttribute('lang', 'en');
  box.append(el);
  await settled(el);
  expect(el.state).to.equal('verified');
  return el;
}

describe('<trust-center> looks like a hosted trust page', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  it('shows the certifications as tiles under the header, before the first section, with framework, status and period', async () => {
    const el = await center(network, vendor());
    const root = el.shadowRoot!;
    const tiles = [...root.querySelectorAll('[part~="tile"]')];
    expect(tiles.map((t) => t.querySelector('.tile-title')?.textContent)).to.deep.equal(['SOC 2', 'ISO/IEC 27001', 'PCI DSS']);
    const text = tiles.map((t) => (t.textContent ?? '').replace(/\s+/g, ' ').trim());
    expect(text[0])
      .to.contain('Certified')
      .and.contain('Attestation · Type II')
      .and.contain(`${english(day(-200))} – ${english(day(100))}`);
    expect(text[1]).to.contain('In progress');
    // A lapsed audit period reads as such on its tile, not as "Certified".
    expect(text[2]).to.contain('Lapsed, renewal pending').and.not.contain('Certified');
    const first = root.querySelector('section')!;
    const header = root.querySelector('[part~="header"]')!;
    const list = root.querySelector('[part~="certification-tiles"]')!;
    expect(Boolean(header.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING), 'after the header').to.equal(true);
    expect(Boolean(list.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING), 'before the first section').to.equal(true);
    expect(list.getBoundingClientRect().bottom <= first.getBoundingClientRect().top, 'above the first section on screen').to.equal(true);
  });

  it('shows no tiles when the document names no certification', async () => {
    const el = await center(network, { organization: { name: 'Plain', url: 'https://plain.example' } });
    expect(el.shadowRoot!.querySelector('[part~="certification-tiles"]') === null).to.equal(true);
  });

  it('makes "Request access" a link to the document’s own contact (mailto:) or url, for NDA and on-request only', async () => {
    const el = await center(network, vendor());
    const root = el.shadowRoot!;
    const requests = (scope: string) =>
      [...root.querySelectorAll(`${scope} a[part~="request-access"]`)].map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
    expect(requests('[part~="section-documents"]')).to.deep.equal([
      ['Request access', 'mailto:security@tiles.example'],
      ['Request access', 'https://tiles.example/request-dpa'],
    ]);
    expect(requests('[part~="section-certifications"]')).to.deep.equal([['Request access', 'mailto:trust@tiles.example']]);
    await expect(el).to.be.accessible();
  });

  it('shows the organization’s https: logo prominently, at least 40 px tall', async () => {
    const el = await center(network, vendor());
    const logo = el.shadowRoot!.querySelector('img[part~="logo"]');
    expect(logo?.getAttribute('src')).to.equal('https://tiles.example/logo.svg');
    expect(parseFloat(getComputedStyle(logo!).height)).to.be.at.least(40);
  });

  it('needs no sideways scrolling at 390 px', async () => {
    const long = vendor();
    long.documents!.push({
      title: 'A very long document title '.repeat(4),
      access: 'nda',
      contact: 'averyveryverylongaddress@tiles.example',
    });
    const el = await center(network, long, 390);
    expect(el.getBoundingClientRect().width).to.be.at.most(390);
    expect(el.scrollWidth, 'scrollWidth').to.be.at.most(el.clientWidth);
    // Nothing in the shadow root sticks out past the element's right edge either.
    const right = el.getBoundingClientRect().right + 0.5;
    const over = [...el.shadowRoot!.querySelectorAll('*')]
      .filter((n) => n.getBoundingClientRect().right > right)
      .map((n) => n.className || n.localName);
    expect(over).to.deep.equal([]);
  });
});
