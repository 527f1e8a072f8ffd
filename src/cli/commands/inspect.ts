/** `trust-elements inspect SIGNED`: decodes a signed document WITHOUT verifying it. */
import { decodeProtectedHeader, validatePosture } from '../../core/index.js';
import { parseCommand, type Command } from '../command.js';
import { boundQuotes, excerpt } from '../display.js';
import { EXIT_OK, issueLines } from '../errors.js';
import { isUrl } from '../files.js';
import { shellArg } from '../output.js';
import { decodePayload, parseJws, readSource } from '../payload.js';
import { contentRows, field } from '../summary.js';
import { relativeExpiry } from '../time.js';

const usage = `Usage: trust-elements inspect SIGNED [--json]

Decodes a signed document (a file or an http(s) URL) and shows what it claims, WITHOUT
verifying it: the protected header of each signature (alg, kid, typ) and a summary of the
payload. Anyone can write such a file; use 'trust-elements verify' to check it.

Options:
  --json        print only the decoded payload (the posture document), as JSON
  -h, --help    show this help`;

/** Member names of a header, each and all bounded. */
const names = (keys: string[]): string => excerpt(keys.map((k) => excerpt(k, 30)).join(', '), 120);

export const inspect: Command = {
  name: 'inspect',
  summary: 'decode a signed document without verifying it',
  usage,
  async run(argv, { io, p }) {
    const { values, positionals } = parseCommand(
      'inspect',
      argv,
      {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      { min: 1, max: 1, name: 'the SIGNED file or URL to decode' },
    );
    const source = positionals[0]!;
    const text = await readSource(io, source, 'signed document');
    const jws = parseJws(text, source);
    const payload = decodePayload(jws, source);

    if (values.json) {
      p.json(payload);
      return EXIT_OK;
    }
    const s = p.style;
    p.out(`${s.yellow('⚠ not verified')}: decoded only. Anyone can write a file like this; to check its signatures run`);
    p.out(`  trust-elements verify ${shellArg(source)}${isUrl(source) ? '' : ' --jwks jwks.json'}`);
    p.out();
    p.out(s.bold(`signatures (${jws.signatures.length})`));
    jws.signatures.forEach((sig, i) => {
      let line: string;
      try {
        const h = decodeProtectedHeader(sig);
        // Anyone wrote these values: each is bounded (and, like every line, escaped by the printer).
        const show = (v: unknown) => (v === undefined ? s.dim('(none)') : excerpt(typeof v === 'string' ? v : JSON.stringify(v), 80));
        const other = Object.keys(h).filter((k) => !['alg', 'kid', 'typ'].includes(k));
        line = `alg ${show(h.alg)}  kid ${show(h.kid)}  typ ${show(h.typ)}${other.length ? `  other: ${names(other)}` : ''}`;
      } catch (error) {
        line = s.red(`(protected header unreadable: ${boundQuotes((error as Error).message)})`);
      }
      if (sig.header) line += `  unprotected: ${names(Object.keys(sig.header)) || '(empty)'}`;
      p.out(`  ${i + 1}  ${line}`);
    });
    p.out();
    p.out(s.bold('payload'));
    const expiresText = field(payload, 'expires');
    const expires = new Date(expiresText);
    const expiry = Number.isNaN(expires.getTime()) ? undefined : relativeExpiry(expires, io.now());
    const result = validatePosture(payload);
    const n = result.issues.length;
    p.table([
      ['organization', field(payload, 'organization', 'name')],
      ['issuer', field(payload, 'issuer')],
      ['issued', field(payload, 'issued')],
      [
        'expires',
        expiry ? `${expiresText}  ${expiry.expired ? s.red(`(EXPIRED: ${expiry.text})`) : s.dim(`(${expiry.text})`)}` : expiresText,
      ],
      ['sequence', field(payload, 'sequence')],
      ['updated', field(payload, 'updated')],
      ...contentRows(payload),
      [
        'format',
        result.ok
          ? 'a valid posture document (format version 1)'
          : s.red(`not a valid posture document (${n} problem${n === 1 ? '' : 's'}):`),
      ],
    ]);
    for (const line of issueLines(result.issues)) p.out(`    ${line}`);
    return EXIT_OK;
  },
};
