/**
 * What a visitor reads for the problem codes `pin-invalid` (the page's own pin is empty or
 * malformed: only its owner can fix it) and `too-many-signatures` (a damaged or suspicious
 * document), in every element and language; and which state each code gives. Expected texts are
 * written out, so a wrong label is noticed.
 */
import { expect, fixture } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import '../../src/define/all.js';
import { postureContext, type PostureSnapshot } from '../../src/elements/context.js';
import { ERROR_CODES } from '../../src/core/index.js';
import { problemKind, type ProblemCode } from '../../src/elements/problems.js';
import { settled } from '../fixtures/network.js';

type Settled = HTMLElement & { state: string; updateComplete: Promise<boolean> };

/** Shows `snapshot` (as a loading element would have set it) in `<tag lang>` through context; `attributes` go on the element. */
async function show(tag: string, lang: string, snapshot: PostureSnapshot, attributes: Record<string, string> = {}): Promise<Settled> {
  const host = document.createElement('div');
  host.setAttribute('lang', lang);
  const provider = new ContextProvider(host, { context: postureContext, initialValue: snapshot });
  await fixture(host);
  provider.hostConnected();
  const el = document.createElement(tag) as Settled;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  host.append(el);
  await settled(el);
  return el;
}

const PIN = {
  state: 'unverified',
  problem: { code: 'pin-invalid', message: 'The pin is empty: it names no key, so no key is trusted.' },
  url: 'https://vendor.example/.well-known/trust-elements/posture.json',
} as const;
const SIGNATURES = {
  state: 'error',
  problem: { code: 'too-many-signatures', message: 'The document carries 5000 signatures; at most 16 are read.' },
  url: 'https://vendor.example/.well-known/trust-elements/posture.json',
} as const;

describe('visitor words for pin-invalid and too-many-signatures', () => {
  afterEach(() => document.querySelectorAll('[lang]').forEach((e) => e.localName === 'div' && e.remove()));

  it('a pin the page got wrong leaves the document unverified, not an outage or a damaged document', () => {
    expect(problemKind('pin-invalid')).to.equal('setup');
    expect(problemKind('too-many-signatures')).to.equal('damaged');
  });

  const PIN_WORDS: [string, string][] = [
    ['en', 'This page is set up to check the security information with a key that is missing or malformed, so it is not shown.'],
    [
      'de',
      'Diese Seite ist so eingerichtet, dass sie die Sicherheitsinformationen mit einem Schlüssel prüft, der fehlt oder fehlerhaft ist; sie werden daher nicht angezeigt.',
    ],
    [
      'fr',
      'Cette page est configurée pour vérifier les informations de sécurité avec une clé absente ou mal formée ; elles ne sont donc pas affichées.',
    ],
  ];
  const OWNER: Record<string, string> = {
    en: 'If this persists, please let the owner of this page know.',
    de: 'Wenn das Problem bleibt, informieren Sie bitte den Betreiber dieser Seite.',
    fr: 'Si le problème persiste, prévenez le responsable de cette page.',
  };
  const badgeLabel = (el: Element) => el.shadowRoot!.querySelector('[part="badge"]')!.getAttribute('aria-label') ?? '';
  const NOT_VERIFIED: Record<string, string> = { en: 'Not verified', de: 'Nicht verifiziert', fr: 'Non vérifié' };
  const VERIFIED: Record<string, string> = { en: 'Verified', de: 'Verifiziert', fr: 'Vérifié' };

  for (const [lang, words] of PIN_WORDS) {
    for (const tag of ['trust-center', 'subprocessor-list', 'control-status', 'trust-badge']) {
      it(`<${tag} lang=${lang}> pin-invalid: says the page's key setting is wrong, never verified`, async () => {
        const el = await show(tag, lang, PIN);
        expect(el.getAttribute('state')).to.equal('unverified');
        const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
        if (tag === 'trust-badge') {
          // The badge shows the short word; its accessible name (and tooltip) carries the explanation.
          expect(text).to.contain(NOT_VERIFIED[lang]!);
          expect(badgeLabel(el).replace(/\s+/g, ' ')).to.contain(words);
        } else {
          expect(text).to.contain(words).and.contain(OWNER[lang]!).and.contain('pin-invalid');
        }
        expect(text.replace(NOT_VERIFIED[lang]!, '')).to.not.contain(VERIFIED[lang]!);
      });
    }
  }

  it('too-many-signatures: the document is called damaged, in each language', async () => {
    const expected: [string, string][] = [
      ['en', 'The security information is damaged or in a format this page cannot read, so it is not shown.'],
      [
        'de',
        'Die Sicherheitsinformationen sind beschädigt oder in einem Format, das diese Seite nicht lesen kann, und werden daher nicht angezeigt.',
      ],
      [
        'fr',
        'Les informations de sécurité sont endommagées ou dans un format que cette page ne sait pas lire ; elles ne sont donc pas affichées.',
      ],
    ];
    for (const [lang, words] of expected) {
      const el = await show('trust-center', lang, SIGNATURES);
      expect(el.getAttribute('state')).to.equal('error');
      expect(el.shadowRoot!.textContent!.replace(/\s+/g, ' ')).to.contain(words).and.contain('too-many-signatures');
    }
  });

  it('every problem code has its explanation, written out here so a misfiled code is noticed', () => {
    const expected: Record<ProblemCode, string> = {
      'fetch-failed': 'network',
      'http-status': 'network',
      timeout: 'network',
      'content-type': 'network',
      'no-source': 'network',
      'too-large': 'damaged',
      'not-json': 'damaged',
      'not-jws': 'damaged',
      'bad-base64url': 'damaged',
      'payload-not-utf8': 'damaged',
      'payload-not-json': 'damaged',
      'newer-version': 'damaged',
      'schema-invalid': 'damaged',
      'too-many-signatures': 'damaged',
      'render-failed': 'damaged',
      'header-refused': 'unverified',
      'alg-refused': 'unverified',
      'keys-invalid': 'unverified',
      'no-trusted-signature': 'unverified',
      'signature-invalid': 'unverified',
      'issuer-mismatch': 'unverified',
      aborted: 'unverified',
      'rolled-back': 'rolledBack',
      'issued-in-future': 'clock',
      'ed25519-unsupported': 'browser',
      expired: 'expired',
      'pin-invalid': 'setup',
      'trust-without-src': 'setup',
      'unknown-control': 'missing',
      'unknown-category': 'missing',
    };
    for (const code of ERROR_CODES) expect(Object.keys(expected), code).to.include(code);
    for (const [code, kind] of Object.entries(expected)) expect(problemKind(code), code).to.equal(kind);
    // A code this copy of the library does not know (another copy, through context), or an inherited name, is "not verified".
    for (const code of ['some-future-code', 'constructor', '__proto__', 'toString']) expect(problemKind(code), code).to.equal('unverified');
  });

  for (const tag of ['trust-center', 'subprocessor-list', 'control-status', 'trust-badge']) {
    it(`<${tag} pin> without src (trust-without-src): says the page's key setting is wrong, like a bad pin`, async () => {
      const el = await show(tag, 'en', PIN, { pin: 'anything' });
      expect(el.getAttribute('state')).to.equal('unverified');
      const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      expect(tag === 'trust-badge' ? badgeLabel(el) : text).to.contain(PIN_WORDS[0]![1]);
      if (tag !== 'trust-badge') expect(text).to.contain('trust-without-src').and.contain(OWNER.en!);
    });
  }
});
