/**
 * Runtime validation of a posture document: every problem, each with its JSON path
 * (`$.categories[0].controls[2].status`), in the order they occur in the document.
 */
import { MAX_VALIDITY_DAYS, PostureDocumentSpec, type PostureDocument } from './schema.js';
import { check } from './spec.js';
import type { ValidationIssue } from './errors.js';

export type { ValidationIssue };

export type ValidationResult = { ok: true; document: PostureDocument; issues: [] } | { ok: false; issues: ValidationIssue[] };

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
function semanticIssues(doc: PostureDocument): ValidationIssue[] {
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
  const issues = check(PostureDocumentSpec, input).map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  if (issues.length) return { ok: false, issues };
  const document = input as PostureDocument;
  const semantic = semanticIssues(document);
  return semantic.length ? { ok: false, issues: semantic } : { ok: true, document, issues: [] };
}
