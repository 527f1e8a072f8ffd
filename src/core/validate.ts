/**
 * Runtime validation of a posture document: every problem, each with its JSON path
 * (`$.categories[0].controls[2].status`), in the order they occur in the document.
 */
import { FORMAT_MINOR, FORMAT_VERSION, MAX_VALIDITY_DAYS, ORDERABLE, PostureDocumentSpec, type PostureDocument } from './schema.js';
import { check, type Reading } from './spec.js';
import type { ValidationIssue } from './errors.js';

export type { ValidationIssue };

/** `newer`: the document is of a newer major format version than this release reads. */
export type ValidationResult =
  { ok: true; document: PostureDocument; issues: [] } | { ok: false; issues: ValidationIssue[]; newer?: boolean };

/**
 * The format version a document claims: `1` is 1.0, `"1.1"` is 1.1. A newer minor (`"1.7"`) is read
 * leniently; anything that is not a version is left to the spec check to report.
 */
export function claimedVersion(input: unknown): { major: number; minor: number } | undefined {
  const v = typeof input === 'object' && input !== null ? (input as { version?: unknown }).version : undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return { major: v, minor: 0 };
  const m = typeof v === 'string' ? /^([1-9]\d{0,3})\.(0|[1-9]\d{0,3})$/.exec(v) : null;
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(keys: readonly (string | number)[]): string {
  let path = '$';
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (IDENTIFIER.test(key)) path += `.${key}`;
    else path += `[${JSON.stringify(key)}]`;
  }
  return path;
}

/** Checks that need the whole document: unique ids, validity period, reachable contacts. */
function semanticIssues(doc: PostureDocument, lax: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const issued = Date.parse(doc.issued);
  const expires = Date.parse(doc.expires);
  if (expires <= issued) issues.push({ path: '$.expires', message: 'must be later than issued' });
  else if (expires - issued > MAX_VALIDITY_DAYS * 86_400_000) {
    issues.push({ path: '$.expires', message: `must be at most ${MAX_VALIDITY_DAYS} days after issued` });
  }

  const unique = (seen: Map<string, string>, id: string, path: string, what: string) => {
    const first = seen.get(id);
    if (first) issues.push({ path, message: `${what} id "${id}" is already used at ${first}` });
    else seen.set(id, path);
  };
  const categoryIds = new Map<string, string>();
  const controlIds = new Map<string, string>();
  doc.categories?.forEach((category, i) => {
    unique(categoryIds, category.id, `$.categories[${i}].id`, 'category');
    category.controls.forEach((control, j) => unique(controlIds, control.id, `$.categories[${i}].controls[${j}].id`, 'control'));
  });
  const statementIds = new Map<string, string>();
  doc.statements?.forEach((s, i) => unique(statementIds, s.id, `$.statements[${i}].id`, 'statement'));
  const certificationIds = new Map<string, string>();
  doc.certifications?.forEach((c, i) => unique(certificationIds, c.id, `$.certifications[${i}].id`, 'certification'));

  const sub = doc.subprocessors;
  const groupIds = new Map<string, string>();
  sub?.groups?.forEach((g, i) => unique(groupIds, g.id, `$.subprocessors.groups[${i}].id`, 'group'));
  const subprocessorIds = new Map<string, string>();
  for (const key of ['entries', 'planned'] as const)
    sub?.[key]?.forEach((e, i) => {
      const at = `$.subprocessors.${key}[${i}]`;
      if (e.id) unique(subprocessorIds, e.id, `${at}.id`, 'sub-processor');
      if (e.group && !groupIds.has(e.group))
        issues.push({ path: `${at}.group`, message: `names no group in subprocessors.groups: "${e.group}"` });
    });
  if (sub?.noticeDays !== undefined && sub.notice?.days !== undefined && sub.noticeDays !== sub.notice.days)
    issues.push({ path: '$.subprocessors.notice.days', message: 'must equal subprocessors.noticeDays' });

  // Evidence names a document or a certification of the same posture.
  const evidence = new Set([...(doc.documents ?? []).flatMap((d) => (d.id ? [d.id] : [])), ...certificationIds.keys()]);
  doc.categories?.forEach((category, i) =>
    category.controls.forEach((control, j) =>
      control.evidence?.forEach((id, k) => {
        if (!evidence.has(id))
          issues.push({ path: `$.categories[${i}].controls[${j}].evidence[${k}]`, message: `names no document or certification: "${id}"` });
      }),
    ),
  );
  doc.retention?.forEach((r, i) => {
    if (r.after && !r.until) issues.push({ path: `$.retention[${i}].after`, message: 'needs until: the event it follows' });
  });

  // Order: each section once; statements that exist; sections this release knows (a newer minor's are ignored).
  const ordered = new Set<string>();
  doc.order?.forEach((ref, i) => {
    const path = `$.order[${i}]`;
    if (ordered.has(ref)) issues.push({ path, message: `names "${ref}" twice` });
    ordered.add(ref);
    if (ref.startsWith('statement:') ? !statementIds.has(ref.slice(10)) : !lax && !(ORDERABLE as readonly string[]).includes(ref))
      issues.push({ path, message: `names no section of this document: "${ref}"` });
  });

  doc.contacts?.forEach((contact, i) => {
    if (!contact.email && !contact.url) issues.push({ path: `$.contacts[${i}]`, message: 'needs an email or a url' });
  });
  doc.certifications?.forEach((c, i) => {
    if (c.period && c.period.to < c.period.from)
      issues.push({ path: `$.certifications[${i}].period.to`, message: 'must not be before period.from' });
  });
  return issues;
}

export function validatePosture(input: unknown): ValidationResult {
  const claimed = claimedVersion(input);
  if (claimed && claimed.major > FORMAT_VERSION) {
    const message = `is ${claimed.major}.${claimed.minor}: the document was made for a newer version of trust-elements, which reads format ${claimed.major}; this one reads format ${FORMAT_VERSION}.${FORMAT_MINOR} and older`;
    return { ok: false, newer: true, issues: [{ path: '$.version', message }] };
  }
  const minor = claimed?.major === FORMAT_VERSION ? claimed.minor : 0;
  const reading: Reading = { minor, lax: minor > FORMAT_MINOR };
  const issues = check(PostureDocumentSpec, input, [], [], reading).map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  if (issues.length) return { ok: false, issues };
  const document = input as PostureDocument;
  const semantic = semanticIssues(document, reading.lax);
  return semantic.length ? { ok: false, issues: semantic } : { ok: true, document, issues: [] };
}
