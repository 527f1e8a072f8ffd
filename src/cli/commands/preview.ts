/**
 * `trust-elements preview [FILE]`: the unsigned draft through the real elements, on a loopback
 * port, re-rendered on every save. So that the elements show it, the draft is signed on the fly
 * with a throwaway key known only to this server (its issuer set to the server's own origin);
 * the page says in a banner and a watermark over everything that it is an unsigned preview, and
 * hides the seal, so a screenshot of it cannot pass for a verified trust page. Validation
 * problems are listed above it with their JSON paths.
 */
import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  generateSigningKey,
  importSigningKey,
  serializeJws,
  signPosture,
  validatePosture,
  WELL_KNOWN_DOCUMENT,
  WELL_KNOWN_JWKS,
} from '../../core/index.js';
import { helpHint, parseCommand, type Command } from '../command.js';
import { excerpt } from '../display.js';
import { CliError, EXIT_OK, UsageError } from '../errors.js';
import { displayPath, resolvePath } from '../files.js';
import { parseJsonText } from '../json.js';
import { applyRelease, releaseHints } from '../release.js';
import { elementScript } from '../element-script.js';

const usage = `Usage: trust-elements preview [FILE] [--port N]

Serves the unsigned draft FILE (default posture.json) through the real elements at
http://127.0.0.1:N/ (default port 8740; 0 picks a free one), and reloads the page on every
save. The page is marked as an unsigned preview (a banner, a watermark, no seal): it is not
your trust page. Validation problems are listed on it with their JSON paths.
Stop it with Ctrl-C.

Options:
  --port N     the loopback port (default 8740)
  -h, --help   show this help`;

/** Text from the draft, escaped for HTML. */
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Draft {
  problems: { path: string; message: string }[];
  /** The draft signed with the preview's throwaway key, when it is valid. */
  signed?: string;
  name?: string;
}

// A watermark over the whole page, as an SVG tile; CSS content cannot repeat text.
const WATERMARK = `url("data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="200"><text x="20" y="120" transform="rotate(-20 180 100)" font-family="sans-serif" font-size="28" font-weight="700" fill="#b00020">UNSIGNED PREVIEW</text></svg>',
)}")`;

function page(file: string, draft: Draft): string {
  const e = escapeHtml;
  const n = draft.problems.length;
  const problems = n
    ? `<section class="problems" aria-labelledby="problems-title"><h2 id="problems-title">${n} problem${n === 1 ? '' : 's'} in ${e(file)}</h2><ul>${draft.problems
        .map((p) => `<li><code>${e(p.path)}</code> ${e(p.message)}</li>`)
        .join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>UNSIGNED PREVIEW — ${e(file)}</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; line-height: 1.5; }
  .banner { position: sticky; top: 0; z-index: 2; margin: 0; padding: 0.75rem 1rem; color: #fff; font-weight: 700;
    background: repeating-linear-gradient(45deg, #b00020 0 14px, #8a0019 14px 28px); }
  body::after { content: ''; position: fixed; inset: 0; z-index: 3; pointer-events: none; opacity: 0.14; background-image: ${WATERMARK}; }
  main, .problems { max-width: 72rem; margin: 0 auto; padding: 1rem; }
  .problems { border: 2px solid #b00020; border-radius: 0.5rem; margin-top: 1rem; }
  .problems h2 { margin: 0 0 0.5rem; font-size: 1.1rem; color: #b00020; }
  /* The seal would say "Verified" for a key only this preview holds. */
  trust-center::part(seal) { display: none; }
</style>
<script type="module" src="/trust-center.min.js"></script>
</head>
<body>
<p class="banner" role="status">UNSIGNED PREVIEW of ${e(file)}${draft.name ? ` (${e(draft.name)})` : ''} — not signed, not verified, not your trust page. It reloads when you save; sign and publish to make it real.</p>
${problems}
<main>${draft.signed ? `<trust-center src="${WELL_KNOWN_DOCUMENT}"></trust-center>` : ''}</main>
<script type="module">new EventSource('/events').onmessage = () => location.reload();</script>
</body>
</html>
`;
}

export const preview: Command = {
  name: 'preview',
  summary: 'serve the unsigned draft through the elements on a loopback port, reloading on save',
  usage,
  async run(argv, { io, p }) {
    const { values, positionals } = parseCommand(
      'preview',
      argv,
      { port: { type: 'string', default: '8740' }, help: { type: 'boolean', short: 'h' } },
      { min: 0, max: 1, name: 'the draft FILE' },
    );
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new UsageError(`--port '${excerpt(values.port)}' is not a port number`, helpHint('preview'));
    const given = positionals[0] ?? 'posture.json';
    const file = resolvePath(io, given);
    const shown = displayPath(io, file);
    const script = await elementScript();
    const { privateJwk, publicJwk } = await generateSigningKey('EdDSA');
    const key = await importSigningKey(privateJwk);
    const jwks = JSON.stringify({ keys: [publicJwk] });
    let origin = '';
    const clients = new Set<ServerResponse>();

    let draft: Draft = { problems: [] };
    const build = async (): Promise<Draft> => {
      let json: unknown;
      try {
        json = parseJsonText(await readFile(file, 'utf8'), shown);
      } catch (error) {
        return { problems: [{ path: '$', message: error instanceof CliError ? error.message : `cannot read ${shown}` }] };
      }
      if (typeof json !== 'object' || json === null || Array.isArray(json))
        return { problems: [{ path: '$', message: 'must be an object' }] };
      // The preview's own origin is the issuer: the elements discover the throwaway key there.
      const { document } = applyRelease(json as Record<string, unknown>, { now: io.now(), issuer: origin });
      const result = validatePosture(document);
      const name = (document.organization as { name?: unknown } | undefined)?.name;
      if (!result.ok) {
        const hints = releaseHints(result.issues);
        return { problems: [...result.issues, ...hints.map((h) => ({ path: '', message: h }))], ...(typeof name === 'string' && { name }) };
      }
      return { problems: [], signed: serializeJws(await signPosture(result.document, [key])), name: result.document.organization.name };
    };

    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', origin);
      const send = (type: string, body: string | Uint8Array, status = 200) =>
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(body);
      if (url.pathname === '/') return send('text/html; charset=utf-8', page(shown, draft));
      if (url.pathname === WELL_KNOWN_DOCUMENT)
        return draft.signed ? send('application/json', draft.signed) : send('application/json', '{}', 404);
      if (url.pathname === WELL_KNOWN_JWKS) return send('application/json', jwks);
      if (url.pathname === '/trust-center.min.js') return send('text/javascript; charset=utf-8', script);
      if (url.pathname === '/events') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      send('text/plain; charset=utf-8', 'not found', 404);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new CliError(
            `cannot listen on 127.0.0.1:${port}: ${error.code === 'EADDRINUSE' ? 'the port is in use (--port N, or 0 for any)' : error.message}`,
          ),
        ),
      );
      server.listen(port, '127.0.0.1', resolve);
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    draft = await build();

    // Editors often save by renaming a new file into place: watch the folder, not the file.
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(path.dirname(file), (_event, name) => {
      if (name !== null && name !== path.basename(file)) return;
      clearTimeout(timer);
      timer = setTimeout(async () => {
        draft = await build();
        for (const client of clients) client.write('data: reload\n\n');
        p.out(draft.problems.length ? `${draft.problems.length} problem(s) in ${shown}` : `${shown} re-rendered`);
      }, 100);
    });

    p.out(`Unsigned preview of ${shown}: ${origin}/`);
    p.out(draft.problems.length ? `${draft.problems.length} problem(s): they are listed on the page` : 'valid draft');
    p.out(p.style.dim('Reloads on save; Ctrl-C stops it. Nothing is signed with your key, nothing is published.'));
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    watcher.close();
    for (const client of clients) client.end();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return EXIT_OK;
  },
};
