/**
 * What each field of the posture format means, for the published JSON Schema (editors show it
 * as help). Kept apart from schema.ts so that this text never ships in the browser bundle; an
 * entry that names no field fails `npm run schema` and its test.
 */
import { MAX_VALIDITY_DAYS, WELL_KNOWN_DOCUMENT, WELL_KNOWN_JWKS } from './schema.js';

const block =
  'Paragraphs ({"type": "paragraph", "text", optional "lead"}) and bullet lists ({"type": "list", "items"}), in order. Text is plain (markup is shown as typed) or, from format 1.1, rich text runs.';
const rich =
  'Plain text, or (format 1.1) an array of runs: a string, {"text", "em": true} for emphasis, {"text", "href"} for a link (https: or mailto: only), or {"list": [lines]} for a bullet list. Never parsed as HTML.';
const v11 = '(Format 1.1.)';
const access = 'public: anyone may read it; on-request: ask the contact; nda: shared under a non-disclosure agreement.';
const id = 'A stable, lower-case identifier (letters, digits, ".", "_", "-"), used in element attributes and links.';

export const SCHEMA_DESCRIPTIONS: Record<string, string> = {
  $schema: 'The JSON Schema this document follows, for editors.',
  version:
    'Format version: 1 (format 1.0), or "1.MINOR" such as "1.1". A reader ignores fields it does not know in a document of a newer minor version, and refuses a newer major version.',
  issuer: `The origin (https://host[:port]) that publishes and signs the document. Its keys are discovered at ${WELL_KNOWN_JWKS} on this origin; the document itself is published at ${WELL_KNOWN_DOCUMENT}.`,
  issued: 'When the document was signed: an RFC 3339 date-time with a time zone.',
  expires: `After this instant the document is expired and shown as such. At most ${MAX_VALIDITY_DAYS} days after issued.`,
  sequence: 'Grows with each published version, so a reader can tell newer from older.',
  language: 'The language of the document text, as a BCP 47 tag (en, de, fr-CH).',
  organization: 'Who publishes this posture.',
  'organization.url': "The organization's web site (https: only).",
  'organization.logo': 'An https: URL of a logo image.',
  title: 'The page title, e.g. "Security & Privacy".',
  introduction: `Text shown first. ${block}`,
  updated:
    'When the posture content last changed (the page\'s "last updated"), YYYY-MM-DD; from format 1.1 also a month (YYYY-MM), or "undated" when the page gives no date.',
  privacy: `${v11} The privacy structure: controller, DPO, EU representative, role per data category, legal bases and rights.`,
  'privacy.controller': 'The controller: who decides why and how personal data is processed, and its address.',
  'privacy.dpo': 'The data protection officer.',
  'privacy.euRepresentative': 'The representative in the EU (GDPR Art. 27), for a controller outside it.',
  'privacy.roles': "The vendor's role per data category: controller, processor or joint-controller.",
  'privacy.legalBases': 'Why data is processed, and the GDPR Art. 6 basis for it.',
  'privacy.rights': 'The rights offered to people whose data is processed.',
  'privacy.rightsNote': `How to exercise the rights. ${rich}`,
  order: `${v11} The order of the sections: typed blocks by key (categories, subprocessors …) and statements as statement:ID. Sections not named follow in the document's key order.`,
  review: 'How often the vendor reviews this posture.',
  categories: 'Security controls, grouped in categories, in the order shown.',
  'categories[].id': id,
  'categories[].controls[].id': `${id} Unique across the document: <control-status control="ID">.`,
  'categories[].controls[].status': 'shipped, in-progress, roadmap or not-applicable.',
  'categories[].controls[].updated': 'When the status last changed.',
  'categories[].controls[].target': 'For in-progress and roadmap controls: when it is expected, in words ("Q3 2027").',
  'categories[].controls[].description': rich,
  'categories[].controls[].availability': `${v11} Which plans or tiers have it, in words: "Business plan and above".`,
  'categories[].controls[].recurring': `${v11} For a recurring activity (penetration test, audit, review): cadence, provider and when it was last performed (a day or a month).`,
  'categories[].controls[].evidence': `${v11} Ids of documents or certifications of this posture that show it.`,
  certifications: 'Certifications and attestations: framework, status, auditor, period, and how to get the report.',
  'certifications[].framework': 'e.g. "SOC 2 Type II", "ISO/IEC 27001:2022".',
  'certifications[].kind': `${v11} certification (a certificate), attestation (an auditor's report, e.g. SOC 2) or alignment (with a framework or law, e.g. GDPR: no certificate).`,
  'certifications[].reportType': `${v11} For an attestation: the report type, e.g. "Type II".`,
  'certifications[].period':
    'For a certificate: its validity; for an attestation: the period the report covers. Once it has ended, the elements never show it as current.',
  'certifications[].cadence': `${v11} How often it is audited.`,
  'certifications[].report.access': access,
  subprocessors: 'The sub-processors that process customer data, or the statement of how the list is shared when it is withheld.',
  'subprocessors.disclosure':
    'public: entries is the complete list; on-request / nda: the list is withheld and shared as the statement says.',
  'subprocessors.statement': `The vendor's words about its sub-processors. ${block}`,
  'subprocessors.safeguards': 'How transfers outside the EEA are safeguarded, for the list as a whole.',
  'subprocessors.contact': 'Whom to ask for the list or about a change.',
  'subprocessors.noticeDays': 'Days of advance notice given before a new sub-processor is engaged (often 30).',
  'subprocessors.entries[].category': 'A heading that groups entries, e.g. "AI & language models".',
  'subprocessors.entries[].services': 'The provider\'s products used, e.g. "Azure OpenAI".',
  'subprocessors.entries[].data': 'The categories of data it processes.',
  'subprocessors.entries[].safeguard': 'The transfer safeguard for it, e.g. "Standard Contractual Clauses".',
  'subprocessors.entries[].since': 'When the vendor engaged it, YYYY-MM-DD.',
  'subprocessors.entries[].id': `${v11} ${id} Unique among entries and planned; changes and diffs refer to it.`,
  'subprocessors.entries[].legalName': `${v11} The legal entity beside the brand name: "Amazon Web Services, Inc.".`,
  'subprocessors.entries[].locations': 'Where it processes data: a name people read ("Sweden Central (EEA)") and an ISO country code.',
  'subprocessors.entries[].corporateLocation': `${v11} Where the entity itself is established, apart from where it processes data.`,
  'subprocessors.entries[].group': `${v11} The id of its group in subprocessors.groups.`,
  'subprocessors.entries[].optional': `${v11} Used only for some customers or features.`,
  'subprocessors.entries[].condition': `${v11} When it is used, in words: "only if you contact support".`,
  'subprocessors.scope': `${v11} Which products, plans or agreements the list covers. ${rich}`,
  'subprocessors.notice': `${v11} The notice policy: at least days before a change, which changes (additions, removals, changes), and how to subscribe (a feed, an e-mail list, a page).`,
  'subprocessors.groups': `${v11} Groups of entries (third parties, affiliates; or by audience), each with its own statement, in the order shown.`,
  'subprocessors.planned': 'Sub-processors announced but not yet engaged.',
  'subprocessors.planned[].announced': 'The day notice was given.',
  'subprocessors.planned[].effective': 'The day it starts processing data.',
  residency: 'Where data is hosted and processed.',
  'residency.regions[].jurisdiction': 'The legal area it lies in, e.g. "EEA".',
  'residency.regions[].services': 'What is processed or stored there, e.g. "database".',
  retention: 'How long each kind of data is kept.',
  'retention[].period': 'The period in words, as customers read it: "30 days", "while your account is active".',
  'retention[].duration': 'The same period as an ISO 8601 duration, where it is one: P30D.',
  'retention[].until': `${v11} A period set by an event: kept while the account or contract is active, until a deletion request, until the purpose is fulfilled, the legal obligation ends or consent is withdrawn.`,
  'retention[].after': `${v11} How much longer after that event, as an ISO 8601 duration: "until deletion, then 30 days" is until deletion-request, after P30D.`,
  documents: 'Policies, reports and agreements, and how to get each.',
  'documents[].access': access,
  contacts: 'Security, privacy, legal and other contacts. Each needs an email or a url.',
  'contacts[].label': 'How the contact is labelled, e.g. "Privacy questions".',
  'contacts[].responseTime': 'The promised response time, in words: "within one business day".',
  'contacts[].purposes': 'What to contact it for.',
  links: 'Links to a status page, a vulnerability-disclosure policy, security.txt and other pages (https: only).',
  faq: 'Questions and answers.',
  changelog: 'A dated log of changes, e.g. a sub-processor added, with the day it takes effect after the promised notice.',
  'changelog[].date': 'The day the change was announced.',
  'changelog[].subject': "What it concerns: a sub-processor's name, a control id.",
  'changelog[].effective': 'The day it takes effect.',
  statements: `Free-text sections for what has no typed block (AI use, what is never stored, cookies, incident notice, rights …), in the order shown. Each: id, title, body. ${block}`,
};
