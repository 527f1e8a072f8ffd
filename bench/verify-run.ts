/** One verify benchmark, the same code in Node and in a browser: median of repeated runs. */
import { generateSigningKey, importSigningKey, serializeJws, signPosture, verifyPosture } from '../src/core/index.js';
import { documentOfSize } from './documents.js';

export interface VerifyTiming {
  bytes: number;
  runs: number;
  median: number;
  min: number;
  max: number;
}

export async function benchVerify(targetBytes: number, runs = 15): Promise<VerifyTiming> {
  const { privateJwk, publicJwk } = await generateSigningKey('EdDSA');
  const text = serializeJws(await signPosture(documentOfSize(targetBytes), [await importSigningKey(privateJwk)]));
  const bytes = new TextEncoder().encode(text);
  const jwks = { keys: [publicJwk] };
  await verifyPosture(bytes, { jwks }); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await verifyPosture(bytes, { jwks });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { bytes: bytes.length, runs, median: times[Math.floor(runs / 2)]!, min: times[0]!, max: times[runs - 1]! };
}
