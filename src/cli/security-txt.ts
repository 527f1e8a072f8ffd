/**
 * `/.well-known/security.txt` (RFC 9116) from a verified posture document: Contact from its
 * security contacts (mailto: or https:), Expires no later than the document's, and Policy,
 * Preferred-Languages and Canonical where the document gives them. `publish` writes it and
 * replaces only a file it wrote itself (the first line says so).
 */
import type { PostureDocument } from '../core/index.js';
import { isoSeconds } from './time.js';

export const SECURITY_TXT_PATH = '/.well-known/security.txt';

/** The first line of a security.txt that publish wrote, and may therefore replace. */
export const SECURITY_TXT_MARK = '# Written by `trust-elements publish`';

const ONE_LINE_BREAKER = /[\p{Cc}\u2028\u2029]/u;

/** How to reach the security team as RFC 9116 Contact URIs: e-mail as mailto:, web forms as https:. */
export function securityContacts(doc: PostureDocument): string[] {
  const uris: string[] = [];
  for (const c of doc.contacts ?? []) {
    if (c.role !== 'security') continue;
    if (c.email) uris.push(`mailto:${c.email}`);
    if (c.url) uris.push(c.url);
  }
  // With no security contact, the vulnerability disclosure page is where reports go.
  if (uris.length === 0 && doc.links?.vulnerabilityDisclosure) uris.push(doc.links.vulnerabilityDisclosure);
  return [...new Set(uris)].filter((uri) => !ONE_LINE_BREAKER.test(uri));
}

/** The file's text, or undefined when the document names no security contact (Contact is required). */
export function securityTxt(doc: PostureDocument): string | undefined {
  const contacts = securityContacts(doc);
  if (contacts.length === 0) return undefined;
  // Expires: the document's instant to the second, rounded down, so it is never later.
  const expires = isoSeconds(new Date(Math.floor(Date.parse(doc.expires) / 1000) * 1000));
  const canonical = doc.links?.securityTxt ?? (doc.issuer.startsWith('https://') ? `${doc.issuer}${SECURITY_TXT_PATH}` : undefined);
  const lines = [
    SECURITY_TXT_MARK,
    `# from the signed document at /.well-known/trust-elements/posture.json, sequence ${doc.sequence}`,
    '',
    ...contacts.map((uri) => `Contact: ${uri}`),
    `Expires: ${expires}`,
    ...(doc.links?.vulnerabilityDisclosure ? [`Policy: ${doc.links.vulnerabilityDisclosure}`] : []),
    ...(doc.language ? [`Preferred-Languages: ${doc.language}`] : []),
    ...(canonical ? [`Canonical: ${canonical}`] : []),
  ];
  // Every value is one line by the format's rules; a control character is never written anyway.
  return `${lines.filter((line) => !ONE_LINE_BREAKER.test(line)).join('\n')}\n`;
}
