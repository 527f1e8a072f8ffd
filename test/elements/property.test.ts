/**
 * Property: every document the validator accepts, signed by the project's own signing code, renders
 * to `verified` in every element. Documents are generated from the format's own definition
 * (src/core/schema.ts, walked field by field, so a new field is covered without a change here),
 * with hostile unicode in text, %-escapes and raw unicode in URLs, odd time zones and fractions in
 * timestamps, far dates and counts. Seeded: a failure names its seed and path to replay it.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define/all.js';
import { DateString, PostureDocumentSpec, Timestamp, validatePosture, type PostureDocument } from '../../src/core/index.js';
import { check, type Spec, type StringSpec } from '../../src/core/spec.js';
import type { TrustErrorDetail } from '../../src/elements/events.js';
import { installNetwork, jsonResponse, type FakeNetwork } from '../fixtures/network.js';
import { jwksOf, makeSigner, signedText, type TestSigner } from '../fixtures/posture.js';

/** Runs per engine: enough to meet each generator's odd corners, few enough to keep the suite fast. */
const RUNS = 50;
const SEED = 20_260_524;
const DAY = 86_400_000;
const TAGS = ['trust-center', 'subprocessor-list', 'control-status', 'trust-badge'] as const;
const KEYS = 'https://keys.property.example/jwks.json';

type Settled = HTMLElement & { state: string; updateComplete: Promise<boolean> };

// ---------------------------------------------------------------------------------------------
// Strings

/** Characters that break naive renderers: controls, bidi overrides, lone surrogates, combining marks, markup, template syntax. */
const HOSTILE = [
  '\u0000',
  '\u0007',
  '\u001b[2K',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u200e',
  '\u202e',
  '\u2028',
  '\u2066',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\u0301',
  '👩‍👩‍👧',
  'مرحبا',
  '𝔘𝔫𝔦',
  '<script>',
  '"><img src=x>',
  '${x}',
  '{{x}}',
  '%',
  '%E0%A4',
  '&amp;',
  '\\',
];
const char = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 3 },
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 2 },
  { arbitrary: fc.constantFrom('a', 'Z', '7', ' ', '.', '-'), weight: 3 },
);
const text = (min: number, max: number) =>
  fc.string({ unit: char, minLength: Math.max(min, 1), maxLength: Math.min(max, 12) }).filter((s) => s.length >= min && s.length <= max);

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A URL path, query or local part: plain, raw unicode, valid %-escapes, and a lone or broken `%`. */
const urlPiece = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^[a-z0-9._~-]{1,8}$/),
      fc.string({ unit: char, minLength: 1, maxLength: 4 }).map((s) => encodeURIComponent(s.replace(LONE_SURROGATE, ''))),
      fc.string({ unit: char, minLength: 1, maxLength: 4 }).map((s) => s.replace(/[\s%]/g, '')),
      fc.constantFrom('%', '%2', '%zz', '%E0%A4', '%E0%A4%A', '%C3%A9', '%25', '%00', '%ED%A0%80'),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(''));
const host = fc.oneof(
  fc.domain(),
  fc.constantFrom('xn--bcher-kva.example', 'bücher.example', '127.0.0.1', '[::1]', 'EXAMPLE.COM', 'a.b.c.d.example'),
);
const port = fc.option(fc.oneof(fc.integer({ min: 1, max: 65_535 }), fc.constantFrom(0, 443, 65_536, 99_999)), { nil: undefined });
const httpsUrl = fc
  .record({ host, port, path: urlPiece, query: fc.option(urlPiece, { nil: undefined }), fragment: fc.option(urlPiece, { nil: undefined }) })
  .map(
    ({ host, port, path, query, fragment }) =>
      `https://${host}${port === undefined ? '' : `:${port}`}/${path}${query === undefined ? '' : `?${query}`}${fragment === undefined ? '' : `#${fragment}`}`,
  );
const mailto = fc
  .record({ local: urlPiece, host, query: fc.option(urlPiece, { nil: undefined }) })
  .map(({ local, host, query }) => `mailto:${local}@${host}${query === undefined ? '' : `?subject=${query}`}`);
const email = fc
  .record({ local: fc.string({ unit: char, minLength: 1, maxLength: 8 }), host: fc.domain() })
  .map(({ local, host }) => `${local.replace(/[\s@<>()[\]\\,;:"]/g, '') || 'x'}@${host}`);
const origin = fc.oneof(
  fc.record({ host, port }).map(({ host, port }) => `https://${host}${port === undefined ? '' : `:${port}`}`),
  fc
    .record({ host: fc.constantFrom('localhost', '127.0.0.1', '[::1]'), port })
    .map(({ host, port }) => `http://${host}${port === undefined ? '' : `:${port}`}`),
);
/** Calendar dates from year 100 to 9999, and most near today. */
const dateMs = fc.oneof(
  fc.integer({ min: Date.UTC(100, 0, 1), max: Date.UTC(9999, 11, 31) }),
  fc.integer({ min: Date.now() - 800 * DAY, max: Date.now() + 800 * DAY }),
);
const isoDate = dateMs.map((ms) => new Date(ms).toISOString().slice(0, 10));
const duration = fc
  .record({ y: fc.nat(99), m: fc.nat(99), w: fc.nat(99), d: fc.nat(999) }, { requiredKeys: [] })
  .map(
    (p) =>
      `P${p.y === undefined ? '' : `${p.y}Y`}${p.m === undefined ? '' : `${p.m}M`}${p.w === undefined ? '' : `${p.w}W`}${p.d === undefined ? '' : `${p.d}D`}`,
  );

/** An instant written RFC 3339 with an offset (±14:00, odd minutes) and 0–9 fraction digits. */
function timestamp(ms: number, offsetMinutes: number, fraction: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const digits =
    fraction === 0
      ? ''
      : `.${String(ms % 1000)
          .padStart(3, '0')
          .padEnd(fraction, '0')
          .slice(0, fraction)}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = offsetMinutes === 0 ? 'Z' : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local}${digits}${zone}`;
}
const zone = fc.record({ offset: fc.oneof(fc.constant(0), fc.integer({ min: -14 * 60, max: 14 * 60 })), fraction: fc.nat(9) });

/** Candidates for a string field by what it is, kept only if the field's own check accepts them. */
function stringArbitrary(spec: StringSpec): fc.Arbitrary<string> {
  const is = spec.is ?? '';
  const candidates =
    spec.re === DateString.re
      ? isoDate
      : spec.re === Timestamp.re
        ? fc.record({ ms: dateMs, zone }).map(({ ms, zone }) => timestamp(ms, zone.offset, zone.fraction))
        : is.startsWith('an https: or mailto: URL')
          ? fc.oneof(httpsUrl, mailto)
          : is.startsWith('an https: URL')
            ? httpsUrl
            : is.startsWith('an e-mail address')
              ? email
              : is.startsWith('an origin')
                ? origin
                : is.includes('duration')
                  ? duration
                  : spec.re
                    ? fc.stringMatching(spec.re)
                    : text(spec.min ?? 0, spec.max ?? 40);
  return candidates.filter((s) => check(spec, s).length === 0);
}

/** Any value the spec accepts, field by field (arrays short: this is about content, not volume). */
function arbitraryFor(spec: Spec): fc.Arbitrary<unknown> {
  switch (spec.k) {
    case 's':
      return stringArbitrary(spec);
    case 'n':
      return spec.int
        ? fc.integer({ min: spec.min ?? -1e6, max: Math.min(spec.max ?? 1e6, Number.MAX_SAFE_INTEGER) })
        : fc.double({ min: spec.min ?? -1e6, max: spec.max ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'b':
      return fc.boolean();
    case 'e':
      return fc.constantFrom(...spec.values);
    case 'a':
      return fc.array(arbitraryFor(spec.item), { minLength: spec.min ?? 0, maxLength: Math.max(spec.min ?? 0, 3) });
    case 'o': {
      const props = Object.fromEntries(Object.entries(spec.props).map(([key, prop]) => [key, arbitraryFor(prop)]));
      const requiredKeys = Object.entries(spec.props)
        .filter(([, prop]) => !prop.o)
        .map(([key]) => key);
      return fc.record(props, { requiredKeys });
    }
    case 'v':
    case 'u':
      return fc.oneof(...spec.options.map((option) => arbitraryFor(option)));
    default:
      throw new Error('a kind of spec this generator does not know: teach it');
  }
}

/**
 * A document the validator accepts: generated from the format's definition, then the rules that
 * span fields made true (unique ids, valid now for a while, ordered periods, reachable contacts).
 */
const documents = fc
  .record({
    doc: arbitraryFor(PostureDocumentSpec) as fc.Arbitrary<PostureDocument>,
    past: fc.integer({ min: 0, max: 60 * DAY }),
    ahead: fc.integer({ min: DAY, max: 300 * DAY }),
    zone,
  })
  .map(({ doc, past, ahead, zone }) => {
    const now = Date.now();
    const out: PostureDocument = {
      ...doc,
      issued: timestamp(now - past - 60_000, zone.offset, zone.fraction),
      expires: timestamp(now + ahead, -zone.offset, zone.fraction),
    };
    const unique = <T extends { id: string }>(items: T[] | undefined, prefix: string) =>
      items?.forEach((item, i) => (item.id = `${prefix}${i}-${item.id}`.slice(0, 80)));
    unique(out.categories, 'cat');
    unique(
      out.categories?.flatMap((c) => c.controls),
      'ctl',
    );
    unique(out.statements, 'st');
    unique(out.certifications, 'cert');
    for (const c of out.certifications ?? [])
      if (c.period && c.period.to < c.period.from) c.period = { from: c.period.to, to: c.period.from };
    for (const c of out.contacts ?? []) if (!c.email && !c.url) c.email = 'security@vendor.example';
    // Format 1.1's cross-references: each names something that exists.
    const sub = out.subprocessors;
    [...(sub?.entries ?? []), ...(sub?.planned ?? [])].forEach((e, i) => {
      if (e.id) e.id = `sp${i}-${e.id}`.slice(0, 80);
    });
    unique(sub?.groups, 'g');
    for (const e of [...(sub?.entries ?? []), ...(sub?.planned ?? [])])
      if (e.group && sub?.groups?.[0]) e.group = sub.groups[0].id;
      else delete e.group;
    if (sub?.notice && sub.noticeDays !== undefined) sub.notice.days = sub.noticeDays;
    for (const c of out.categories?.flatMap((c) => c.controls) ?? [])
      if (c.evidence && out.certifications?.[0]) c.evidence = [out.certifications[0].id];
      else delete c.evidence;
    for (const r of out.retention ?? []) if (r.after && !r.until) r.until = 'account-active';
    if (out.order) out.order = [...new Set(out.order.filter((ref) => ['categories', 'faq', 'privacy'].includes(ref)))];
    if (out.order?.length === 0) delete out.order;
    return out;
  })
  .filter((doc) => validatePosture(doc).ok);

// ---------------------------------------------------------------------------------------------

describe('property: every document the validator accepts renders, verified, in every element', function () {
  this.timeout(180_000);
  let network: FakeNetwork;
  let signer: TestSigner;
  let counter = 0;

  before(async () => {
    signer = await makeSigner('EdDSA');
  });
  beforeEach(() => {
    network = installNetwork();
    // keys= names the key set, so any issuer the format allows is shown (no origin check).
    network.routes.set(KEYS, () => jsonResponse(JSON.stringify(jwksOf(signer))));
  });
  afterEach(() => {
    network.restore();
    for (const tag of TAGS) document.querySelectorAll(tag).forEach((e) => e.remove());
  });

  it(`${RUNS} generated documents, seed ${SEED}`, async () => {
    await fc.assert(
      fc.asyncProperty(documents, async (doc) => {
        const src = `https://docs.property.example/${++counter}.json`;
        const signed = await signedText(doc, signer);
        network.routes.set(src, () => jsonResponse(signed));
        const control = doc.categories?.[0]?.controls[0]?.id;
        const elements = TAGS.map((tag) => {
          const element = document.createElement(tag) as Settled;
          const attrs: Record<string, string> = {
            lang: 'en',
            keys: KEYS,
            src,
            ...(tag === 'control-status' && control ? { control } : {}),
          };
          for (const [k, v] of Object.entries(attrs)) element.setAttribute(k, v);
          return element;
        });
        const errors: string[] = [];
        for (const element of elements)
          element.addEventListener('trust-error', (e) =>
            errors.push(
              `<${element.localName}> ${(e as CustomEvent<TrustErrorDetail>).detail.code}: ${(e as CustomEvent<TrustErrorDetail>).detail.message}`,
            ),
          );
        document.body.append(...elements);
        try {
          const start = Date.now();
          while (elements.some((e) => e.state === 'loading' || e.getAttribute('state') === 'loading')) {
            if (Date.now() - start > 5000) break;
            await new Promise((r) => setTimeout(r, 10));
          }
          await Promise.all(elements.map((e) => e.updateComplete));
          const states = elements.map((e) => `<${e.localName}> ${e.getAttribute('state')}`);
          expect(states, errors.join('\n')).to.deep.equal(TAGS.map((tag) => `<${tag}> verified`));
          expect(errors).to.deep.equal([]);
        } finally {
          elements.forEach((e) => e.remove());
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
