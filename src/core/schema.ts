/**
 * The posture document, format version 1.1 (README "Format 1.1 and compatibility"): the one
 * definition of its TypeScript types (`PostureDocument`), its runtime validation
 * (`validatePosture`) and the published JSON Schema (`npm run schema`, with the field
 * descriptions of `schema-docs.ts`).
 * Longer than 300 lines because it is the whole format, every field in one place.
 */
import { anyOf, arr, bool, num, obj, oneOf, opt, since, str, variant, type Infer } from './spec.js';

/** The format's major version: a reader refuses a document of a newer one ("made for a newer version"). */
export const FORMAT_VERSION = 1;
/** The newest minor version this release knows; of a newer minor it ignores the fields it does not know. */
export const FORMAT_MINOR = 1;

/** Well-known paths (RFC 8615) under the issuer's origin. */
export const WELL_KNOWN_DIR = '/.well-known/trust-elements';
export const WELL_KNOWN_DOCUMENT = '/.well-known/trust-elements/posture.json';
export const WELL_KNOWN_JWKS = '/.well-known/trust-elements/jwks.json';

/** A document may be valid for at most this long (RFC 9116 asks the same of security.txt). */
export const MAX_VALIDITY_DAYS = 366;

// ---------------------------------------------------------------------------
// Scalars

const text = (max: number) => str({ min: 1, max });
const ShortText = text(300);
const LongText = text(20_000);

const Id = str({ re: /^[a-z0-9][a-z0-9._-]{0,79}$/, is: 'a lower-case id: letters, digits, ".", "_" or "-" (at most 80)' });

function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date, `YYYY-MM-DD` (JSON Schema format `date`: json-schema.ts names the formats, which the browser never needs). */
export const DateString = str({ re: /^\d{4}-\d{2}-\d{2}$/, test: isCalendarDate, is: 'a real date written YYYY-MM-DD' });

/** An instant with an explicit time zone, RFC 3339 (JSON Schema format `date-time`). */
export const Timestamp = str({
  // Hours, minutes and offsets in range in the pattern itself: `T24:00` or `+99:00` is not left to
  // each engine's Date.parse (they disagree); no leap seconds, which Date.parse refuses.
  re: /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/,
  test: (s) => isCalendarDate(s) && !Number.isNaN(Date.parse(s)),
  is: 'an RFC 3339 date-time with a time zone, e.g. 2026-05-24T00:00:00Z',
});

/** Whether every percent-escape in `s` is well-formed and they spell UTF-8 (the elements decode a mailto: address for display). */
function decodes(s: string): boolean {
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

function hasScheme(s: string, schemes: string[]): boolean {
  try {
    const url = new URL(s);
    return schemes.includes(url.protocol) && (url.protocol === 'mailto:' || url.hostname !== '');
  } catch {
    return false;
  }
}

/** A `%` only as the start of a `%XX` escape, and the escapes spell UTF-8: what the elements can decode. */
const PercentEscapes = {
  re: /^(?:[^%]|%[0-9A-Fa-f]{2})*$/,
  test: decodes,
  message: 'must use % only in %XX escapes, and those must spell UTF-8 characters',
};

/** An `https:` URL: the only kind of web link a document may carry. */
const HttpsUrl = str({
  max: 2048,
  re: /^https:\/\/\S+$/,
  test: (s) => hasScheme(s, ['https:']),
  is: 'an https: URL',
  also: PercentEscapes,
});
/** An `https:` or `mailto:` URL. */
const LinkUrl = str({
  max: 2048,
  re: /^(?:https:\/\/|mailto:)\S+$/,
  test: (s) => hasScheme(s, ['https:', 'mailto:']),
  is: 'an https: or mailto: URL',
  also: PercentEscapes,
});
const Email = str({ max: 254, re: /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/, is: 'an e-mail address' });

/** An origin as browsers serialize it: `https://host[:port]`, or an `http:` loopback origin for local testing. */
const Origin = str({
  re: /^(?:https:\/\/[^/?#\s]+|http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?)$/,
  // As browsers serialize it: a port in range, and no default port (the elements read its host).
  test: (s) => {
    try {
      return new URL(s).origin === s;
    } catch {
      return false;
    }
  },
  is: 'an origin such as https://example.com (lower case, no path, no trailing slash)',
});

const CountryCode = str({ re: /^[A-Z]{2}$/, is: 'an ISO 3166-1 alpha-2 country code, e.g. SE' });
/** A month, `YYYY-MM`, for pages that date themselves by month (JSON Schema format `month`). */
export const MonthString = str({ re: /^\d{4}-(?:0[1-9]|1[0-2])$/, is: 'a month written YYYY-MM' });
/** A day or, where a page says no more, a month. */
const DayOrMonth = anyOf(DateString, MonthString);

const Duration = str({
  re: /^P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?$/,
  is: 'an ISO 8601 duration in days, weeks, months or years, e.g. P30D',
});

// ---------------------------------------------------------------------------
// Text: a plain string, or (format 1.1) structured runs that are never parsed as markup

/** A run of text: plain, emphasized, or a link (https: or mailto: only). */
const Run = anyOf(LongText, obj({ text: LongText, em: opt(bool()), href: opt(LinkUrl) }));
/** One line: plain text, or runs. */
const Line = anyOf(LongText, since(1, arr(Run, 1)));
/** Rich text: plain text, or runs and bullet lists of lines (lists do not nest, so depth is bounded). */
const Rich = anyOf(LongText, since(1, arr(anyOf(Run, obj({ list: arr(Line, 1) })), 1)));

// ---------------------------------------------------------------------------
// Free text: statement sections made of paragraphs and bullet lists

const Block = variant('type', [
  obj({ type: oneOf(['paragraph']), lead: opt(text(200)), text: Rich }),
  obj({ type: oneOf(['list']), items: arr(Line, 1) }),
]);
const Blocks = arr(Block, 1);

const Statement = obj({ id: Id, title: ShortText, body: Blocks });

// ---------------------------------------------------------------------------
// Typed blocks

export const ACCESS = ['public', 'on-request', 'nda'] as const;
const Access = oneOf(ACCESS);

const Organization = obj({ name: ShortText, url: HttpsUrl, logo: opt(HttpsUrl), legalName: opt(ShortText) });

export const CONTROL_STATUSES = ['shipped', 'in-progress', 'roadmap', 'not-applicable'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export const REVIEW_CADENCES = ['continuous', 'monthly', 'quarterly', 'semiannual', 'annual'] as const;

const Control = obj({
  id: Id,
  title: ShortText,
  status: oneOf(CONTROL_STATUSES),
  description: opt(Rich),
  updated: opt(DateString),
  target: opt(ShortText),
  availability: since(1, ShortText),
  recurring: since(1, obj({ cadence: oneOf(REVIEW_CADENCES), provider: opt(ShortText), lastPerformed: opt(DayOrMonth) })),
  evidence: since(1, arr(Id, 1)),
});

const ControlCategory = obj({ id: Id, title: ShortText, description: opt(Rich), controls: arr(Control, 1) });

export const CERTIFICATION_STATUSES = ['certified', 'in-progress', 'planned', 'aligned', 'expired'] as const;
export const CERTIFICATION_KINDS = ['certification', 'attestation', 'alignment'] as const;

const Certification = obj({
  id: Id,
  framework: text(200),
  status: oneOf(CERTIFICATION_STATUSES),
  kind: since(1, oneOf(CERTIFICATION_KINDS)),
  reportType: since(1, ShortText),
  cadence: since(1, oneOf(REVIEW_CADENCES)),
  auditor: opt(ShortText),
  period: opt(obj({ from: DateString, to: DateString })),
  scope: opt(LongText),
  description: opt(Rich),
  report: opt(obj({ access: Access, url: opt(LinkUrl), contact: opt(Email) })),
});

const Location = obj({ name: ShortText, country: opt(CountryCode) });

const subprocessorFields = {
  name: ShortText,
  purpose: ShortText,
  category: opt(ShortText),
  services: opt(arr(ShortText)),
  data: opt(arr(ShortText)),
  locations: opt(arr(Location, 1)),
  safeguard: opt(ShortText),
  url: opt(HttpsUrl),
  since: opt(DateString),
  id: since(1, Id),
  legalName: since(1, ShortText),
  corporateLocation: since(1, Location),
  group: since(1, Id),
  optional: since(1, bool()),
  condition: since(1, ShortText),
};

const Subprocessor = obj(subprocessorFields);
const PlannedSubprocessor = obj({ ...subprocessorFields, announced: opt(DateString), effective: DateString });

export const DISCLOSURES = ['public', 'on-request', 'nda'] as const;
export const NOTICE_CHANGES = ['additions', 'removals', 'changes'] as const;

const SubprocessorGroup = obj({ id: Id, title: ShortText, statement: opt(Blocks) });
const Notice = obj({
  days: opt(num({ int: true, min: 0, max: 365 })),
  changes: opt(arr(oneOf(NOTICE_CHANGES), 1)),
  feed: opt(HttpsUrl),
  email: opt(Email),
  subscribe: opt(LinkUrl),
});

const Subprocessors = obj({
  disclosure: oneOf(DISCLOSURES),
  statement: opt(Blocks),
  safeguards: opt(LongText),
  contact: opt(Email),
  noticeDays: opt(num({ int: true, min: 0, max: 365 })),
  scope: since(1, Rich),
  notice: since(1, Notice),
  groups: since(1, arr(SubprocessorGroup, 1)),
  entries: opt(arr(Subprocessor)),
  planned: opt(arr(PlannedSubprocessor)),
});

const Region = obj({
  name: ShortText,
  provider: opt(ShortText),
  country: opt(CountryCode),
  jurisdiction: opt(ShortText),
  services: opt(arr(ShortText)),
  primary: opt(bool()),
});

const Residency = obj({ summary: opt(LongText), regions: opt(arr(Region)) });

export const RETENTION_EVENTS = [
  'account-active',
  'contract-active',
  'deletion-request',
  'purpose-fulfilled',
  'legal-obligation',
  'consent-withdrawn',
] as const;

const RetentionEntry = obj({
  data: ShortText,
  period: ShortText,
  duration: opt(Duration),
  // Kept while / until the event, then `after` longer: "until deletion, then 30 days".
  until: since(1, oneOf(RETENTION_EVENTS)),
  after: since(1, Duration),
  note: opt(Rich),
});

const DocumentEntry = obj({
  id: opt(Id),
  title: ShortText,
  description: opt(Rich),
  access: Access,
  url: opt(LinkUrl),
  contact: opt(Email),
});

export const CONTACT_ROLES = ['security', 'privacy', 'legal', 'dpo', 'support', 'sales', 'other'] as const;

const Contact = obj({
  role: oneOf(CONTACT_ROLES),
  label: opt(ShortText),
  email: opt(Email),
  url: opt(LinkUrl),
  responseTime: opt(ShortText),
  purposes: opt(arr(ShortText)),
});

const Links = obj({
  statusPage: opt(HttpsUrl),
  vulnerabilityDisclosure: opt(HttpsUrl),
  securityTxt: opt(HttpsUrl),
  privacyPolicy: opt(HttpsUrl),
  terms: opt(HttpsUrl),
  // issue 14: the vendor's change feed (Atom or JSON Feed), for a "Subscribe" link.
  feed: opt(HttpsUrl),
  other: opt(arr(obj({ title: ShortText, url: LinkUrl }))),
});

const FaqEntry = obj({ question: text(1000), answer: Blocks });

// ---------------------------------------------------------------------------
// Privacy (format 1.1): roles, legal bases, rights, the controller and its representatives

/** A legal person or office: who, where, how to reach it. */
const Party = obj({
  name: ShortText,
  legalName: opt(ShortText),
  address: opt(text(1000)),
  country: opt(CountryCode),
  email: opt(Email),
  url: opt(LinkUrl),
});

export const PRIVACY_ROLES = ['controller', 'processor', 'joint-controller'] as const;
export const LEGAL_BASES = ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'] as const;
export const PRIVACY_RIGHTS = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'withdraw-consent',
  'automated-decisions',
  'complaint',
  'opt-out-of-sale',
] as const;

const Privacy = obj({
  controller: opt(Party),
  dpo: opt(Party),
  euRepresentative: opt(Party),
  roles: opt(arr(obj({ data: ShortText, role: oneOf(PRIVACY_ROLES), note: opt(LongText) }), 1)),
  legalBases: opt(arr(obj({ purpose: ShortText, basis: oneOf(LEGAL_BASES), data: opt(arr(ShortText)) }), 1)),
  rights: opt(arr(oneOf(PRIVACY_RIGHTS), 1)),
  rightsNote: opt(Rich),
});

/** The sections a document can order: a typed block by its key, a statement by `statement:ID`. */
export const ORDERABLE = [
  'categories',
  'certifications',
  'subprocessors',
  'privacy',
  'residency',
  'retention',
  'documents',
  'contacts',
  'links',
  'faq',
  'changelog',
] as const;
// Any key-like name, so that a reader ignores a section of a newer minor version; validate.ts refuses unknown ones otherwise.
const SectionRef = str({
  re: /^(?:[a-z][A-Za-z]{0,39}|statement:[a-z0-9][a-z0-9._-]{0,79})$/,
  is: `a section: ${ORDERABLE.join(', ')}, or statement:ID`,
});

export const CHANGE_TYPES = [
  'subprocessor-added',
  'subprocessor-removed',
  'subprocessor-changed',
  'control-changed',
  'certification-changed',
  'document-changed',
  'policy-changed',
  'other',
] as const;

const Change = obj({ date: DateString, type: oneOf(CHANGE_TYPES), summary: LongText, subject: opt(ShortText), effective: opt(DateString) });

const Review = obj({ cadence: oneOf(REVIEW_CADENCES), lastReviewed: opt(DateString), note: opt(LongText) });

// ---------------------------------------------------------------------------
// The document

export const PostureDocumentSpec = obj({
  $schema: opt(str()),
  // 1 (= 1.0), or "1.MINOR" from 1.1 on.
  version: anyOf(oneOf([FORMAT_VERSION]), str({ re: /^1\.(?:0|[1-9]\d{0,3})$/, is: 'a format version such as "1.1"' })),
  issuer: Origin,
  issued: Timestamp,
  expires: Timestamp,
  sequence: num({ int: true, min: 0, max: Number.MAX_SAFE_INTEGER }),
  language: opt(str({ re: /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, is: 'a BCP 47 language tag, e.g. en' })),
  organization: Organization,
  title: opt(ShortText),
  introduction: opt(Blocks),
  // A day; from 1.1 also a month, or "undated" for a page that gives no date.
  updated: anyOf(DateString, since(1, MonthString), since(1, oneOf(['undated']))),
  review: opt(Review),
  categories: opt(arr(ControlCategory)),
  certifications: opt(arr(Certification)),
  subprocessors: opt(Subprocessors),
  privacy: since(1, Privacy),
  residency: opt(Residency),
  retention: opt(arr(RetentionEntry)),
  documents: opt(arr(DocumentEntry)),
  contacts: opt(arr(Contact)),
  links: opt(Links),
  faq: opt(arr(FaqEntry)),
  changelog: opt(arr(Change)),
  statements: opt(arr(Statement)),
  order: since(1, arr(SectionRef, 1)),
});

export type PostureDocument = Infer<typeof PostureDocumentSpec>;
export type Block = Infer<typeof Block>;
export type Control = Infer<typeof Control>;
export type ControlCategory = Infer<typeof ControlCategory>;
export type Certification = Infer<typeof Certification>;
export type Subprocessor = Infer<typeof Subprocessor>;
export type PlannedSubprocessor = Infer<typeof PlannedSubprocessor>;
export type Contact = Infer<typeof Contact>;
export type Statement = Infer<typeof Statement>;
export type Rich = Infer<typeof Rich>;
export type Line = Infer<typeof Line>;
export type Privacy = Infer<typeof Privacy>;
export type Party = Infer<typeof Party>;
export type RetentionEntry = Infer<typeof RetentionEntry>;
