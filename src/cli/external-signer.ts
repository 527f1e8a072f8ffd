/**
 * `sign --signer "COMMAND"`: signing by an external program (a KMS client, PKCS#11 tooling, an
 * agent), so the private key never reaches the CLI. The command runs through the shell, once per
 * signature: it gets the JWS signing input (ASCII `protected.payload`) on standard input and the
 * key's id and algorithm in TRUST_ELEMENTS_KID and TRUST_ELEMENTS_ALG, and answers on standard
 * output with the signature: the 64 raw bytes (Ed25519; ES256 as r‖s), or them in base64url or
 * base64 text, or for ES256 an ASN.1 DER ECDSA-Sig-Value as KMSs return it. Every signature is
 * checked with the public key before it is used.
 */
import { spawn } from 'node:child_process';
import { base64urlDecode, verifyBytes, type SigningKey, type TrustedKey } from '../core/index.js';
import { excerpt } from './display.js';
import { CliError } from './errors.js';

export const DEFAULT_SIGNER_TIMEOUT_SECONDS = 30;
const MAX_OUTPUT_BYTES = 16 * 1024;

/** An ASN.1 DER ECDSA-Sig-Value (SEQUENCE of INTEGER r, INTEGER s) as the 64 bytes r‖s, or undefined. */
function derToRaw(der: Uint8Array): Uint8Array | undefined {
  if (der[0] !== 0x30 || der[1] !== der.length - 2) return undefined;
  const out = new Uint8Array(64);
  let at = 2;
  for (const half of [0, 32]) {
    if (der[at] !== 0x02) return undefined;
    const length = der[at + 1]!;
    let int = der.subarray(at + 2, at + 2 + length);
    at += 2 + length;
    while (int.length > 32 && int[0] === 0) int = int.subarray(1);
    if (int.length > 32 || int.length === 0) return undefined;
    out.set(int, half + 32 - int.length);
  }
  return at === der.length ? out : undefined;
}

/** The signature in a signer's output (see the module header), or undefined when it holds none. */
export function signatureFrom(output: Uint8Array, alg: TrustedKey['alg']): Uint8Array | undefined {
  if (output.length === 64) return output;
  if (alg === 'ES256' && output[0] === 0x30) {
    const raw = derToRaw(output);
    if (raw) return raw;
  }
  const text = new TextDecoder().decode(output).trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  try {
    const bytes = base64urlDecode(text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
    return bytes.length === 64 ? bytes : alg === 'ES256' ? derToRaw(bytes) : undefined;
  } catch {
    return undefined;
  }
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Uint8Array;
  stderr: string;
}

function runSigner(command: string, input: Uint8Array, env: Record<string, string | undefined>, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that a timeout stops the shell and whatever it started.
    const child = spawn(command, { shell: true, env, stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    const stop = () => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let timedOut = false;
    let tooLong = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
      reject(new CliError(`the signer command did not answer within ${Math.round(timeoutMs / 1000)} seconds; it was stopped`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > MAX_OUTPUT_BYTES) {
        tooLong = true;
        stop();
      } else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString('utf8');
    });
    child.stdin.on('error', () => {}); // a signer that exits without reading its input
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new CliError(`the signer command could not be started: ${excerpt(error.message, 200)}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut)
        reject(new CliError(`the signer command did not answer within ${Math.round(timeoutMs / 1000)} seconds; it was stopped`));
      else if (tooLong) reject(new CliError(`the signer command wrote more than ${MAX_OUTPUT_BYTES} bytes: that is no signature`));
      else resolve({ code, signal, stdout: new Uint8Array(Buffer.concat(out)), stderr });
    });
    child.stdin.end(input);
  });
}

/** A signing key whose signatures come from `command`, checked with `key` (the public key it must match). */
export function externalSigningKey(
  command: string,
  key: TrustedKey,
  options: { env: Record<string, string | undefined>; timeoutSeconds: number },
): SigningKey {
  const kid = key.thumbprint;
  return {
    alg: key.alg,
    kid,
    publicJwk: { ...key.jwk, kid, alg: key.alg, use: 'sig' },
    async sign(data) {
      const env = { ...options.env, TRUST_ELEMENTS_KID: kid, TRUST_ELEMENTS_ALG: key.alg };
      const result = await runSigner(command, data, env, options.timeoutSeconds * 1000);
      const said = result.stderr.trim() === '' ? '' : `; it said: ${excerpt(result.stderr.trim(), 300)}`;
      if (result.code !== 0) {
        throw new CliError(
          `the signer command failed (${result.code === null ? `stopped by ${result.signal}` : `exit status ${result.code}`})${said}`,
        );
      }
      const signature = signatureFrom(result.stdout, key.alg);
      if (!signature) {
        throw new CliError(
          `the signer command's output is not a signature: expected 64 bytes, or them in base64url${key.alg === 'ES256' ? ', or a DER ECDSA signature' : ''} (got ${result.stdout.length} bytes)${said}`,
        );
      }
      if (!(await verifyBytes(key, data, signature))) {
        throw new CliError(
          `the signer command's signature does not verify with key ${kid}: it signed with another key, or signed other bytes than it was given`,
        );
      }
      return signature;
    },
  };
}
