/** `trust-elements validate FILE`: checks an unsigned posture document against the format. */
import { claimedVersion, FORMAT_MINOR, FORMAT_VERSION, validatePosture } from '../../core/index.js';
import { parseCommand, type Command } from '../command.js';
import { EXIT_FAILURE, EXIT_OK, issueLines } from '../errors.js';
import { shellArg, type Printer } from '../output.js';
import { looksSigned, readText } from '../files.js';
import { parseJsonText } from '../json.js';
import { applyRelease, releaseHints } from '../release.js';
import { relativeExpiry } from '../time.js';

const usage = `Usage: trust-elements validate FILE

Checks an unsigned posture document (the JSON you edit, before signing) against format
version 1 (1.0 and 1.1). Prints "✓ valid", or every problem as "path: message", e.g.
  $.categories[0].controls[2].status: must be one of shipped, in-progress, roadmap, not-applicable
A draft may leave out issuer, issued, expires and sequence: 'trust-elements sign' sets them
(see 'trust-elements sign --help'), and validate checks the rest.

Options:
  -h, --help    show this help

Exit status: 0 valid, 1 invalid (or not readable), 2 wrong usage.`;

export const validate: Command = {
  name: 'validate',
  summary: 'check an unsigned document against the format',
  usage,
  async run(argv, { io, p }) {
    const { positionals } = parseCommand(
      'validate',
      argv,
      { help: { type: 'boolean', short: 'h' } },
      { min: 1, max: 1, name: 'a FILE to check' },
    );
    const file = positionals[0]!;
    const s = p.style;
    const text = await readText(io, file, 'document');
    if (looksSigned(text)) return signedNotice(p, file);
    const json = parseJsonText(text, file);
    if (looksSigned(json)) return signedNotice(p, file);

    // A draft is checked as sign would sign it; what sign would fill in is named, not invented here.
    const release =
      typeof json === 'object' && json !== null && !Array.isArray(json)
        ? applyRelease(json as Record<string, unknown>, { now: io.now() })
        : undefined;
    const result = validatePosture(release?.document ?? json);
    if (!result.ok) {
      const n = result.issues.length;
      p.out(`${s.red('✗')} ${file} is not a valid posture document (${n} problem${n === 1 ? '' : 's'}):`);
      for (const line of [...issueLines(result.issues), ...releaseHints(result.issues)]) p.out(`  ${line}`);
      return EXIT_FAILURE;
    }
    const doc = result.document;
    const derived = release?.derived.map((d) => (d.field === 'expires' ? 'issued, expires' : d.field)) ?? [];
    if (derived.length === 0) {
      p.out(`${s.green('✓')} valid  ${s.dim(`${file}: ${doc.organization.name}, issuer ${doc.issuer}, sequence ${doc.sequence}`)}`);
    } else {
      p.out(`${s.green('✓')} valid draft  ${s.dim(`${file}: ${doc.organization.name}; sign sets ${derived.join(', ')}`)}`);
    }
    const claimed = claimedVersion(doc);
    if (claimed && claimed.minor > FORMAT_MINOR) {
      p.out(
        `  ${s.yellow('note')}: it says format ${claimed.major}.${claimed.minor}, newer than this trust-elements (${FORMAT_VERSION}.${FORMAT_MINOR}): the fields it does not know were not checked`,
      );
    }
    const expiry = relativeExpiry(new Date(doc.expires), io.now());
    if (expiry.expired && !derived.includes('issued, expires')) {
      p.out(
        `  ${s.yellow('note')}: its expires date has passed (${expiry.text}); sign it with --valid-for (e.g. --valid-for 90d) to set new dates`,
      );
    }
    return EXIT_OK;
  },
};

function signedNotice(p: Printer, file: string): number {
  p.out(`${p.style.yellow('✗')} ${file} is a signed document (JWS), not an unsigned one: validate checks the JSON you sign.`);
  p.out(`  To read it:  trust-elements inspect ${shellArg(file)}`);
  p.out(`  To check it: trust-elements verify ${shellArg(file)} --jwks jwks.json`);
  return EXIT_FAILURE;
}
