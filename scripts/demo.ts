/**
 * The demo's documents, made by the CLI as a vendor would: a throwaway demo key, the demo documents
 * signed for the demo server's origin and published (with tampered / expired variants and a
 * partner's copy) into .demo/public. Used by `npm start` and `npm run screenshots`.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, '.demo');
const publicDir = path.join(work, 'public');
const documentsDir = path.join(root, 'demo', 'documents');

/** The first free loopback port from `preferred` on. */
export async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createNetServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${preferred} to ${preferred + 49}`);
}

function cli(...args: string[]): string {
  console.log(
    `  $ trust-elements ${args.map((a) => (a.includes(' ') ? JSON.stringify(a) : path.isAbsolute(a) ? path.relative(root, a) : a)).join(' ')}`,
  );
  return execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Prepares .demo/public for a demo served at `origin`, and sets the pins Vite puts into the demo pages. */
export async function prepareDemo(origin: string): Promise<void> {
  console.log(`Preparing the demo for ${origin}`);

  await rm(work, { recursive: true, force: true });
  await mkdir(path.join(publicDir, 'documents'), { recursive: true });
  const key = path.join(work, 'demo.key.json');
  const jwks = path.join(work, 'jwks.json');
  cli('keygen', '--alg', 'ed25519', '--key', key, '--jwks', jwks);

  const names = (await readdir(documentsDir)).filter((f) => f.endsWith('.json')).sort();
  // The two seed documents play the demo's roles (well-known, tampered, expired, partner); the others are shown as they are.
  const [first, last] = ['personaizer.json', 'personalityai.json'];
  for (const name of names) {
    const out = path.join(publicDir, 'documents', name);
    cli('sign', path.join(documentsDir, name), '--key', key, '--issuer', origin, '--valid-for', '30d', '--out', out);
  }
  // The first document is also published at the well-known path, with the keys every document is checked against.
  cli('publish', publicDir, '--document', path.join(publicDir, 'documents', first), '--jwks', jwks);

  // A tampered copy: one word of the signed content changed after signing.
  const signed = JSON.parse(await readFile(path.join(publicDir, 'documents', first), 'utf8'));
  const payload = Buffer.from(signed.payload, 'base64url').toString('utf8').replace('"shipped"', '"roadmap"').replace('EEA', 'USA');
  await writeFile(
    path.join(publicDir, 'documents', 'tampered.json'),
    JSON.stringify({ ...signed, payload: Buffer.from(payload).toString('base64url') }, null, 2),
  );

  // An expired copy: genuinely signed, but its validity ended ten days ago.
  const DAY = 86_400_000;
  const expiredSource = JSON.parse(await readFile(path.join(documentsDir, last), 'utf8'));
  const draft = path.join(work, 'expired-source.json');
  await writeFile(
    draft,
    JSON.stringify({
      ...expiredSource,
      issued: new Date(Date.now() - 100 * DAY).toISOString().replace(/\.\d+Z$/, 'Z'),
      expires: new Date(Date.now() - 10 * DAY).toISOString().replace(/\.\d+Z$/, 'Z'),
    }),
  );
  console.log('  (the next document is expired on purpose: the demo shows how an expired document looks)');
  cli('sign', draft, '--key', key, '--issuer', origin, '--out', path.join(publicDir, 'documents', 'expired.json'));

  // A partner's mirror of a vendor document, for the page that pins the vendor's key.
  await mkdir(path.join(publicDir, 'partner'), { recursive: true });
  await writeFile(path.join(publicDir, 'partner', 'vendor-posture.json'), await readFile(path.join(publicDir, 'documents', last)));

  // The stylesheet that gives the elements their room before the script defines them, served as a
  // plain static file like on a real site (the pages link /reserve.css in their <head>).
  await writeFile(path.join(publicDir, 'reserve.css'), await readFile(path.join(root, 'src/reserve.css')));

  const kid = (JSON.parse(await readFile(jwks, 'utf8')) as { keys: { kid: string }[] }).keys[0]!.kid;
  // Vite puts these into the demo pages' HTML (%VITE_DEMO_PIN%).
  process.env.VITE_DEMO_PIN = kid;
  process.env.VITE_DEMO_OTHER_PIN = 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k';
  console.log(`  demo key id (what partners pin): ${kid}`);
}
