/**
 * Recognising private key material in JSON, wherever it sits: publish refuses a key set that
 * holds any, and no command writes over a file that holds one.
 */

/** JWK members that hold a private or secret key (RFC 7518 §6): EC/OKP/RSA `d`, RSA's primes and CRT values, oct `k`. */
export const PRIVATE_MEMBERS: readonly string[] = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON path of the first private member anywhere in `value` (`$.retired[0].d`), or undefined. */
export function findPrivateMember(value: unknown): string | undefined {
  // An explicit stack: a deeply nested file must not overflow the call stack.
  const stack: [unknown, string][] = [[value, '$']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (isObject(v)) {
      const keys = Object.keys(v);
      const found = keys.find((k) => PRIVATE_MEMBERS.includes(k));
      if (found !== undefined) return `${path}.${found}`;
      for (const k of keys.reverse()) stack.push([v[k], /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`]);
    }
  }
  return undefined;
}

/**
 * Whether a file's text holds a private key: JSON with a private member anywhere, or text that
 * is not JSON but names such a member (a hand-edited key file that no longer parses).
 */
export function holdsPrivateKey(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return /["'](?:d|p|q|dp|dq|qi|oth|k)["']\s*:/.test(text);
  }
  // An encrypted key file ('keys encrypt') is a private key too, sealed.
  const sealed = typeof value === 'object' && value !== null && 'trust-elements-encrypted-key' in value;
  return sealed || findPrivateMember(value) !== undefined;
}
