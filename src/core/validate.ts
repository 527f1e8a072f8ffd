/**
 * Runtime validation of a posture document: every problem, each with its JSON path
 * (`$.categories[0].controls[2].status`), in the order they occur in the document.
 */
import * as v from 'valibot';
import { MAX_VALIDITY_DAYS, PostureDocumentSchema, type PostureDocument } from './schema.js';

export interface ValidationIssue {
  /** JSON path of the offending value, `$` for the document itself. */
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; document: PostureDocument; issues: [] }
  | { ok: false; issues: ValidationIssue[] };

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

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function fromValibot(issue: v.BaseIssue<unknown>): ValidationIssue {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  let message = issue.message;
  if (issue.kind === 'schema') {
    if (issue.expected === 'never') message = 'is not a field of this format';
    else if (issue.type === 'variant' || issue.type === 'picklist' || issue.type === 'literal') message = issue.message.startsWith('Invalid') ? `must be ${(issue.expected ?? '').replace(/^\((.*)\)$/, '$1').replaceAll(' | ', ' or ')}` : issue.message;
    else if (issue.message.startsWith('Invalid')) {
      message = issue.input === undefined ? 'is required' : `must be ${issue.expected === 'Object' ? 'an object' : issue.expected === 'Array' ? 'an array' : `a ${issue.expected}`}, not ${describe(issue.input)}`;
    }
  }
  return { path: formatPath(keys), message };
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
    if (c.period && c.period.to < c.period.from) issues.push({ path: `$.certifications[${i}].period.to`, message: 'must not be before period.from' });
  });
  return issues;
}

export function validatePosture(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '$', message: `must be an object, not ${describe(input)}` }] };
  }
  const result = v.safeParse(PostureDocumentSchema, input, { abortEarly: false, abortPipeEarly: true });
  if (!result.success) return { ok: false, issues: result.issues.map(fromValibot) };
  const issues = semanticIssues(result.output);
  return issues.length ? { ok: false, issues } : { ok: true, document: result.output, issues: [] };
}
