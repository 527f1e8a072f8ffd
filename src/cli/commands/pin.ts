/** `trust-elements pin URL`: the exact tag a partner pastes, pinned to the keys that signed the vendor's document. */
import {
  announcedPins,
  announcementsOf,
  DEFAULT_CLOCK_SKEW_SECONDS,
  fetchJsonBytes,
  isPostureError,
  loadPosture,
  trustedKeys,
  WELL_KNOWN_JWKS,
  type FetchLike,
  type TrustedKey,
} from '../../core/index.js';
import { helpHint, parseCommand, type Command } from '../command.js';
import { excerpt } from '../display.js';
import { CliError, EXIT_OK, UsageError } from '../errors.js';
import { isUrl } from '../files.js';

const TAGS = ['trust-badge', 'control-status', 'trust-center', 'subprocessor-list'];

const usage = `Usage: trust-elements pin URL [--tag TAG] [--control ID] [--src PATH]

Verifies the vendor's signed document at URL as a page without a pin does (its keys from
the URL's origin, ${WELL_KNOWN_JWKS}, and its issuer that origin), then
prints the tag a partner pastes, pinned to the key(s) that signed it and to the next key(s)
they announce (see 'trust-elements keys next'), so the tag keeps working when the vendor
rotates its key. With a pin, the
partner may serve a copy of the document from its own origin (--src).

Options:
  --tag TAG       ${TAGS.join(', ')} (default trust-badge)
  --control ID    with control-status: the control to show (it must be in the document)
  --src PATH      where the partner serves its copy of the document (default: URL)
  -h, --help      show this help`;

/** An attribute value as HTML text: the characters that could end or change it, escaped. */
const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The next keys that the document's verified signers announce in it (the same check a pinned
 * reader makes), read from the file again: loadPosture returns the document, not the file.
 */
async function announced(url: string, signers: TrustedKey[], fetch: FetchLike | undefined, now: Date): Promise<string[]> {
  let outer: { jwks?: unknown };
  try {
    outer = JSON.parse(new TextDecoder().decode(await fetchJsonBytes(url, 'signed document', { fetch, maxBytes: 1024 * 1024 }))) as {
      jwks?: unknown;
    };
  } catch {
    return []; // a compact JWS carries no announcements
  }
  const bundle = outer.jwks === undefined ? [] : await trustedKeys(outer.jwks).catch(() => []);
  const pins = signers.map((k) => k.thumbprint);
  const all = await announcedPins(announcementsOf(outer), [...signers, ...bundle], pins, now.getTime(), DEFAULT_CLOCK_SKEW_SECONDS * 1000);
  return all.filter((kid) => !pins.includes(kid));
}

export const pin: Command = {
  name: 'pin',
  summary: "print the tag a partner pastes, pinned to the keys that signed the vendor's document",
  usage,
  async run(argv, { io, p }) {
    const { values, positionals } = parseCommand(
      'pin',
      argv,
      {
        tag: { type: 'string' },
        control: { type: 'string' },
        src: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      { min: 1, max: 1, name: "the URL of the vendor's signed document" },
    );
    const url = positionals[0]!;
    if (!isUrl(url))
      throw new UsageError(
        `'${excerpt(url)}' is not an http(s) URL: pin reads the document where the vendor publishes it`,
        helpHint('pin'),
      );
    const tag = values.tag ?? 'trust-badge';
    if (!TAGS.includes(tag)) throw new UsageError(`--tag '${excerpt(tag)}' is not one of ${TAGS.join(', ')}`, helpHint('pin'));
    if (values.control !== undefined && tag !== 'control-status')
      throw new UsageError('--control goes with --tag control-status', helpHint('pin'));

    let posture;
    try {
      posture = await loadPosture(url, { fetch: io.fetch });
    } catch (error) {
      if (!isPostureError(error)) throw error;
      throw new CliError(
        `cannot pin ${excerpt(url, 200)}: it does not verify with its origin's keys (${error.code}): ${excerpt(error.message, 300)}`,
      );
    }
    const controls = (posture.document.categories ?? []).flatMap((c) => c.controls.map((k) => k.id));
    if (values.control !== undefined && !controls.includes(values.control)) {
      throw new CliError(`the document has no control '${excerpt(values.control)}'; it has: ${excerpt(controls.join(', '), 200)}`);
    }
    const signers = posture.signers.map((k) => k.thumbprint);
    const pins = [...signers, ...(await announced(posture.url, posture.signers, io.fetch, io.now()))].join(' ');
    const control = values.control === undefined ? '' : ` control="${attr(values.control)}"`;
    p.out(`<${tag} src="${attr(values.src ?? url)}" pin="${pins}"${control}></${tag}>`);
    return EXIT_OK;
  },
};
