/**
 * The posture document, format version 1: the one source of truth for its TypeScript
 * types (`PostureDocument`), its runtime validation (`validatePosture`) and the published
 * JSON Schema (generated from these definitions by `scripts/build-schema.ts`).
 */
import * as v from 'valibot';

export const FORMAT_VERSION = 1;

/** Well-known paths (RFC 8615) under the issuer's origin. */
export const WELL_KNOWN_DIR = '/.well-known/trust-elements';
export const WELL_KNOWN_DOCUMENT = `${WELL_KNOWN_DIR}/posture.json`;
export const WELL_KNOWN_JWKS = `${WELL_KNOWN_DIR}/jwks.json`;

/** A document may be valid for at most this long (RFC 9116 asks the same of security.txt). */
export const MAX_VALIDITY_DAYS = 366;

// ---------------------------------------------------------------------------
// Scalars

const text = (max: number, description?: string) =>
  description
    ? v.pipe(v.string(), v.nonEmpty('must not be empty'), v.maxLength(max, `must be at most ${max} characters`), v.description(description))
    : v.pipe(v.string(), v.nonEmpty('must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

const ShortText = text(300);
const LongText = text(20_000);

const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'must be a lower-case id: letters, digits, ".", "_" or "-" (at most 80)'),
  v.description('A stable, lower-case identifier (letters, digits, ".", "_", "-"), used in element attributes and links.'),
);

function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date, `YYYY-MM-DD`. */
export const DateString = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
  v.check(isCalendarDate, 'must be a real calendar date'),
  v.description('A calendar date, YYYY-MM-DD.'),
);

/** An instant with an explicit time zone, RFC 3339. */
export const Timestamp = v.pipe(
  v.string(),
  v.regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/,
    'must be an RFC 3339 date-time with a time zone, e.g. 2026-05-24T00:00:00Z',
  ),
  v.check((s) => isCalendarDate(s) && !Number.isNaN(Date.parse(s)), 'must be a real date and time'),
  v.description('An RFC 3339 date-time with a time zone, e.g. 2026-05-24T09:00:00Z.'),
);

function urlWithScheme(s: string, schemes: readonly string[]): boolean {
  try {
    const url = new URL(s);
    return schemes.includes(url.protocol) && (url.protocol === 'mailto:' || url.hostname !== '');
  } catch {
    return false;
  }
}

/** An `https:` URL: the only kind of web link a document may carry. */
export const HttpsUrl = v.pipe(
  v.string(),
  v.maxLength(2048, 'must be at most 2048 characters'),
  v.regex(/^https:\/\/\S+$/, 'must be an https: URL'),
  v.check((s) => urlWithScheme(s, ['https:']), 'must be a valid https: URL'),
  v.description('An https: URL. No other scheme is ever valid.'),
);

/** An `https:` or `mailto:` URL. */
export const LinkUrl = v.pipe(
  v.string(),
  v.maxLength(2048, 'must be at most 2048 characters'),
  v.regex(/^(?:https:\/\/|mailto:)\S+$/, 'must be an https: or mailto: URL'),
  v.check((s) => urlWithScheme(s, ['https:', 'mailto:']), 'must be a valid https: or mailto: URL'),
  v.description('An https: or mailto: URL. No other scheme is ever valid.'),
);

export const Email = v.pipe(
  v.string(),
  v.maxLength(254, 'must be at most 254 characters'),
  v.regex(/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/, 'must be an e-mail address'),
  v.description('An e-mail address (without mailto:).'),
);

const LOOPBACK = /^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/;

/** The issuer is an origin: `https://host[:port]`, or an `http:` loopback origin for local testing. */
export const Origin = v.pipe(
  v.string(),
  v.regex(/^(?:https:\/\/[^/?#\s]+|http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?)$/, 'must be an origin such as https://example.com (no path)'),
  v.check((s) => {
    if (LOOPBACK.test(s)) return true;
    try {
      return new URL(s).origin === s;
    } catch {
      return false;
    }
  }, 'must be an origin such as https://example.com, written as browsers write it (lower case, no default port, no trailing slash)'),
  v.description('An origin, https://host[:port], written as browsers serialize it; http: only for localhost.'),
);

const CountryCode = v.pipe(
  v.string(),
  v.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code, e.g. SE'),
  v.description('ISO 3166-1 alpha-2 country code, e.g. SE.'),
);

const Duration = v.pipe(
  v.string(),
  v.regex(/^P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?$/, 'must be an ISO 8601 duration in whole days, weeks, months or years, e.g. P30D'),
  v.description('ISO 8601 duration, e.g. P30D, P1Y.'),
);

const list = <T extends v.GenericSchema>(item: T, description?: string) =>
  description ? v.pipe(v.array(item), v.description(description)) : v.array(item);
const nonEmptyList = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.minLength(1, 'must have at least one entry'));

// ---------------------------------------------------------------------------
// Free text: statement sections made of paragraphs and bullet lists (plain text only)

export const Paragraph = v.strictObject({
  type: v.literal('paragraph'),
  /** A short lead-in, rendered emphasised before the text ("At rest:"). */
  lead: v.optional(text(200, 'A short lead-in shown emphasised before the text, e.g. "At rest".')),
  text: text(20_000, 'Plain text. Never HTML: markup is shown as typed.'),
});

export const BulletList = v.strictObject({
  type: v.literal('list'),
  items: nonEmptyList(LongText),
});

export const Block = v.variant('type', [Paragraph, BulletList]);
const Blocks = v.pipe(nonEmptyList(Block), v.description('Paragraphs and bullet lists, in order. Plain text only.'));

export const Statement = v.strictObject({
  id: Id,
  title: ShortText,
  body: Blocks,
});

// ---------------------------------------------------------------------------
// Typed blocks

export const ACCESS = ['public', 'on-request', 'nda'] as const;
const Access = v.pipe(v.picklist(ACCESS, `must be one of ${ACCESS.join(', ')}`), v.description('public: anyone may read it; on-request: ask the contact; nda: shared under a non-disclosure agreement.'));

export const Organization = v.strictObject({
  name: ShortText,
  url: HttpsUrl,
  logo: v.optional(HttpsUrl),
  legalName: v.optional(ShortText),
});

export const CONTROL_STATUSES = ['shipped', 'in-progress', 'roadmap', 'not-applicable'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export const Control = v.strictObject({
  id: Id,
  title: ShortText,
  status: v.picklist(CONTROL_STATUSES, `must be one of ${CONTROL_STATUSES.join(', ')}`),
  description: v.optional(LongText),
  /** When the status last changed. */
  updated: v.optional(DateString),
  /** For in-progress and roadmap controls: when it is expected, in words ("Q3 2027"). */
  target: v.optional(ShortText),
});

export const ControlCategory = v.strictObject({
  id: Id,
  title: ShortText,
  description: v.optional(LongText),
  controls: nonEmptyList(Control),
});

export const CERTIFICATION_STATUSES = ['certified', 'in-progress', 'planned', 'aligned', 'expired'] as const;

export const Certification = v.strictObject({
  id: Id,
  framework: text(200, 'The framework or attestation, e.g. "SOC 2 Type II", "ISO/IEC 27001:2022".'),
  status: v.picklist(CERTIFICATION_STATUSES, `must be one of ${CERTIFICATION_STATUSES.join(', ')}`),
  auditor: v.optional(ShortText),
  period: v.optional(v.strictObject({ from: DateString, to: DateString })),
  scope: v.optional(LongText),
  description: v.optional(LongText),
  report: v.optional(
    v.strictObject({
      access: Access,
      url: v.optional(LinkUrl),
      contact: v.optional(Email),
    }),
  ),
});

export const Location = v.strictObject({
  /** How the location is named to people: "Sweden Central (EEA)", "United States". */
  name: ShortText,
  country: v.optional(CountryCode),
});

const subprocessorFields = {
  name: ShortText,
  purpose: ShortText,
  /** A heading that groups entries: "AI & language models". */
  category: v.optional(ShortText),
  /** The vendor's products or services used: "Azure OpenAI", "Speech". */
  services: v.optional(list(ShortText)),
  /** The categories of data it processes. */
  data: v.optional(list(ShortText)),
  locations: v.optional(nonEmptyList(Location)),
  /** Transfer safeguard for processing outside the EEA: "Standard Contractual Clauses". */
  safeguard: v.optional(ShortText),
  url: v.optional(HttpsUrl),
  /** When the vendor engaged it. */
  since: v.optional(DateString),
};

export const Subprocessor = v.strictObject(subprocessorFields);

export const PlannedSubprocessor = v.strictObject({
  ...subprocessorFields,
  /** The day the notice was given. */
  announced: v.optional(DateString),
  /** The day it will start processing data. */
  effective: DateString,
});

export const DISCLOSURES = ['public', 'on-request', 'nda'] as const;

export const Subprocessors = v.strictObject({
  disclosure: v.pipe(
    v.picklist(DISCLOSURES, `must be one of ${DISCLOSURES.join(', ')}`),
    v.description('public: the list below is complete; on-request / nda: the list is withheld and shared as the statement says.'),
  ),
  statement: v.optional(Blocks),
  /** How transfers outside the EEA are safeguarded, for the list as a whole. */
  safeguards: v.optional(LongText),
  /** Whom to ask for the list or about a change. */
  contact: v.optional(Email),
  /** Days of advance notice given before a new sub-processor is engaged. */
  noticeDays: v.optional(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0), v.maxValue(365))),
  entries: v.optional(list(Subprocessor)),
  planned: v.optional(list(PlannedSubprocessor)),
});

export const Region = v.strictObject({
  name: ShortText,
  provider: v.optional(ShortText),
  country: v.optional(CountryCode),
  /** The legal area it lies in: "EEA", "US". */
  jurisdiction: v.optional(ShortText),
  /** What is processed or stored there: "database", "blob storage". */
  services: v.optional(list(ShortText)),
  primary: v.optional(v.boolean()),
});

export const Residency = v.strictObject({
  summary: v.optional(LongText),
  regions: v.optional(list(Region)),
});

export const RetentionEntry = v.strictObject({
  data: ShortText,
  /** The period in words, as customers read it: "30 days", "while your account is active". */
  period: ShortText,
  /** The same period as an ISO 8601 duration, where it is one. */
  duration: v.optional(Duration),
  note: v.optional(LongText),
});

export const Document = v.strictObject({
  id: v.optional(Id),
  title: ShortText,
  description: v.optional(LongText),
  access: Access,
  url: v.optional(LinkUrl),
  contact: v.optional(Email),
});

export const CONTACT_ROLES = ['security', 'privacy', 'legal', 'dpo', 'support', 'sales', 'other'] as const;

export const Contact = v.strictObject({
  role: v.picklist(CONTACT_ROLES, `must be one of ${CONTACT_ROLES.join(', ')}`),
  /** How the contact is labelled: "Privacy questions". */
  label: v.optional(ShortText),
  email: v.optional(Email),
  url: v.optional(LinkUrl),
  /** The promised response time, in words: "within one business day". */
  responseTime: v.optional(ShortText),
  /** What to contact it for. */
  purposes: v.optional(list(ShortText)),
});

export const Links = v.strictObject({
  statusPage: v.optional(HttpsUrl),
  vulnerabilityDisclosure: v.optional(HttpsUrl),
  securityTxt: v.optional(HttpsUrl),
  privacyPolicy: v.optional(HttpsUrl),
  terms: v.optional(HttpsUrl),
  other: v.optional(list(v.strictObject({ title: ShortText, url: LinkUrl }))),
});

export const FaqEntry = v.strictObject({
  question: text(1000),
  answer: Blocks,
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

export const Change = v.strictObject({
  /** The day the change was announced. */
  date: DateString,
  type: v.picklist(CHANGE_TYPES, `must be one of ${CHANGE_TYPES.join(', ')}`),
  summary: LongText,
  /** What it concerns: a sub-processor's name, a control id. */
  subject: v.optional(ShortText),
  /** The day it takes effect (after the promised notice period). */
  effective: v.optional(DateString),
});

export const REVIEW_CADENCES = ['continuous', 'monthly', 'quarterly', 'semiannual', 'annual'] as const;

export const Review = v.strictObject({
  cadence: v.picklist(REVIEW_CADENCES, `must be one of ${REVIEW_CADENCES.join(', ')}`),
  lastReviewed: v.optional(DateString),
  note: v.optional(LongText),
});

// ---------------------------------------------------------------------------
// The document

export const PostureDocumentSchema = v.strictObject({
  $schema: v.optional(v.string()),
  version: v.pipe(v.literal(FORMAT_VERSION, `must be ${FORMAT_VERSION}: this is format version ${FORMAT_VERSION}`), v.description('Format version.')),
  issuer: v.pipe(Origin, v.description('The origin that publishes and signs the document. Keys are discovered at this origin, at ' + WELL_KNOWN_JWKS + '.')),
  issued: v.pipe(Timestamp, v.description('When the document was signed.')),
  expires: v.pipe(Timestamp, v.description(`After this instant the document is expired. At most ${MAX_VALIDITY_DAYS} days after issued.`)),
  sequence: v.pipe(v.number(), v.safeInteger('must be a whole number'), v.minValue(0, 'must not be negative'), v.description('Grows with each published version, so a reader can tell newer from older.')),
  language: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag, e.g. en'), v.description('The language of the document text, BCP 47.'))),
  organization: Organization,
  title: v.optional(ShortText),
  introduction: v.optional(Blocks),
  updated: v.pipe(DateString, v.description('When the posture content last changed (the page\'s "last updated").')),
  review: v.optional(Review),
  categories: v.optional(list(ControlCategory, 'Security controls, grouped in categories.')),
  certifications: v.optional(list(Certification)),
  subprocessors: v.optional(Subprocessors),
  residency: v.optional(Residency),
  retention: v.optional(list(RetentionEntry)),
  documents: v.optional(list(Document)),
  contacts: v.optional(list(Contact)),
  links: v.optional(Links),
  faq: v.optional(list(FaqEntry)),
  changelog: v.optional(list(Change)),
  statements: v.optional(list(Statement, 'Free-text sections for what has no typed block, in the order they are shown.')),
});

export type PostureDocument = v.InferOutput<typeof PostureDocumentSchema>;
export type Block = v.InferOutput<typeof Block>;
export type Control = v.InferOutput<typeof Control>;
export type ControlCategory = v.InferOutput<typeof ControlCategory>;
export type Subprocessor = v.InferOutput<typeof Subprocessor>;
export type PlannedSubprocessor = v.InferOutput<typeof PlannedSubprocessor>;
export type Contact = v.InferOutput<typeof Contact>;
export type Statement = v.InferOutput<typeof Statement>;
