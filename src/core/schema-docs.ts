/**
 * What each field of the posture format means, for the published JSON Schema (editors show it
 * as help). Kept apart from schema.ts so that this text never ships in the browser bundle; an
 * entry that names no field fails `npm run schema` and its test.
 */
import { MAX_VALIDITY_DAYS, WELL_KNOWN_DOCUMENT, WELL_KNOWN_JWKS } from './schema.js';

const block =
  'Paragraphs ({"type": "paragraph", "text", optional "lead"}) and bullet lists ({"type": "list", "items"}), in order. Plain text only: markup is shown as typed.';
const access = 'public: anyone may read it; on-request: ask the contact; nda: shared under a non-disclosure agreement.';
const id = 'A stable, lower-case identifier (letters, digits, ".", "_", "-"), used in element attributes and links.';

export const SCHEMA_DESCRIPTIONS: Record<string, string> = {
  $schema: 'The JSON Schema this document follows, for editors.',
  version: 'Format version: 1.',
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
  updated: 'When the posture content last changed (the page\'s "last updated"), YYYY-MM-DD.',
  review: 'How often the vendor reviews this posture.',
  categories: 'Security controls, grouped in categories, in the order shown.',
  'categories[].id': id,
  'categories[].controls[].id': `${id} Unique across the document: <control-status control="ID">.`,
  'categories[].controls[].status': 'shipped, in-progress, roadmap or not-applicable.',
  'categories[].controls[].updated': 'When the status last changed.',
  'categories[].controls[].target': 'For in-progress and roadmap controls: when it is expected, in words ("Q3 2027").',
  certifications: 'Certifications and attestations: framework, status, auditor, period, and how to get the report.',
  'certifications[].framework': 'e.g. "SOC 2 Type II", "ISO/IEC 27001:2022".',
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
  'subprocessors.entries[].locations': 'Where it processes data: a name people read ("Sweden Central (EEA)") and an ISO country code.',
  'subprocessors.entries[].safeguard': 'The transfer safeguard for it, e.g. "Standard Contractual Clauses".',
  'subprocessors.entries[].since': 'When the vendor engaged it, YYYY-MM-DD.',
  'subprocessors.planned': 'Sub-processors announced but not yet engaged.',
  'subprocessors.planned[].announced': 'The day notice was given.',
  'subprocessors.planned[].effective': 'The day it starts processing data.',
  residency: 'Where data is hosted and processed.',
  'residency.regions[].jurisdiction': 'The legal area it lies in, e.g. "EEA".',
  'residency.regions[].services': 'What is processed or stored there, e.g. "database".',
  retention: 'How long each kind of data is kept.',
  'retention[].period': 'The period in words, as customers read it: "30 days", "while your account is active".',
  'retention[].duration': 'The same period as an ISO 8601 duration, where it is one: P30D.',
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
