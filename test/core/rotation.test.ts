/**
 * Issue 13, rotation without breakage: a partner pinned to the vendor's current key accepts a
 * document signed by the next key only when an announcement signed by a trusted key (the pinned
 * one, or one it announced) names that next key. Unsigned, forged, expired or untrusted
 * announcements add nothing, and the refusal names the key that signed.
 */
import { expect } from '@open-wc/testing';
import {
  ANNOUNCEMENT_TYP,
  MAX_ANNOUNCEMENTS,
  PostureError,
  serializeJws,
  signAnnouncement,
  signJws,
  signPosture,
  verifyPosture,
  type Announcement,
  type SignedAnnouncement,
} from '../../src/core/index.js';
import { makeDocument, makeSigner, type TestSigner } from '../fixtures/posture.js';

const DAY = 86_400_000;
const encoder = new TextEncoder();

/** An announcement valid from yesterday for `days`, naming `next`, signed by `by`. */
async function announce(by: TestSigner, next: TestSigner[], days = 90, from = Date.now() - DAY): Promise<SignedAnnouncement> {
  const body: Announcement = {
    next: next.map((s) => s.publicJwk.kid!),
    issued: new Date(from).toISOString(),
    expires: new Date(from + days * DAY).toISOString(),
  };
  return (await signAnnouncement(body, [by.key]))[0]!;
}

/** The published file for the test document, signed by `signers`, carrying `announcements`. */
async function published(signers: TestSigner[], announcements: SignedAnnouncement[] = []): Promise<string> {
  return serializeJws(
    await signPosture(
      makeDocument(),
      signers.map((s) => s.key),
      announcements,
    ),
  );
}

async function refusal(text: string, pins: string[]): Promise<PostureError> {
  try {
    await verifyPosture(text, { pins });
  } catch (error) {
    if (error instanceof PostureError) return error;
    throw error;
  }
  throw new Error('expected the document to be refused');
}

describe('key rotation: announced next keys (issue 13)', () => {
  let current: TestSigner;
  let next: TestSigner;
  let after: TestSigner;
  let stranger: TestSigner;
  before(async () => {
    [current, next, after, stranger] = await Promise.all([makeSigner(), makeSigner(), makeSigner('ES256'), makeSigner()]);
  });

  it('a partner pinned to the current key accepts a document signed by the next key that the current key announced', async () => {
    const text = await published([next], [await announce(current, [next])]);
    const posture = await verifyPosture(text, { pins: [current.publicJwk.kid!] });
    expect(posture.signers.map((k) => k.thumbprint)).to.deep.equal([next.publicJwk.kid]);
    expect(posture.trustedBy).to.equal('pin');
  });

  it('follows a chain of announcements: current → next → the key after', async () => {
    const chain = [await announce(next, [after]), await announce(current, [next])];
    const posture = await verifyPosture(await published([after], chain), { pins: [current.publicJwk.kid!] });
    expect(posture.signers.map((k) => k.thumbprint)).to.deep.equal([after.publicJwk.kid]);
  });

  it('refuses a next-key document that carries no announcement, naming the key that signed it', async () => {
    const error = await refusal(await published([next]), [current.publicJwk.kid!]);
    expect(error.code).to.equal('no-trusted-signature');
    expect(error.message).to.contain(`It is signed by key ${next.publicJwk.kid}.`);
  });

  it('refuses an announcement signed by a key that is not pinned (an attacker announcing its own key)', async () => {
    const error = await refusal(await published([stranger], [await announce(stranger, [stranger])]), [current.publicJwk.kid!]);
    expect(error.code).to.equal('no-trusted-signature');
    expect(error.message).to.contain(`It is signed by key ${stranger.publicJwk.kid}.`);
  });

  it("refuses a forged announcement: the pinned key's kid on a payload it never signed", async () => {
    const real = await announce(current, [next]);
    const [header, , signature] = real.jws.split('.');
    const forgedBody = btoa(
      JSON.stringify({
        next: [stranger.publicJwk.kid],
        issued: new Date().toISOString(),
        expires: new Date(Date.now() + DAY).toISOString(),
      }),
    )
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    const error = await refusal(await published([stranger], [{ jws: `${header}.${forgedBody}.${signature}`, by: current.publicJwk }]), [
      current.publicJwk.kid!,
    ]);
    expect(error.code).to.equal('no-trusted-signature');
    expect(error.message).to.contain(stranger.publicJwk.kid!);
  });

  it('refuses an unsigned announcement (alg none), and a posture signature passed off as an announcement', async () => {
    const b64 = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const unsigned = `${b64(JSON.stringify({ alg: 'none', kid: current.publicJwk.kid, typ: ANNOUNCEMENT_TYP }))}.${b64(
      JSON.stringify({
        next: [stranger.publicJwk.kid],
        issued: new Date().toISOString(),
        expires: new Date(Date.now() + DAY).toISOString(),
      }),
    )}.`;
    // A payload the current key did sign, but as a posture document (typ trust-posture+json), not as an announcement.
    const posture = await signJws(
      encoder.encode(
        JSON.stringify({
          next: [stranger.publicJwk.kid],
          issued: new Date().toISOString(),
          expires: new Date(Date.now() + DAY).toISOString(),
        }),
      ),
      [current.key],
      { typ: 'trust-posture+json' },
    );
    const mistyped = `${posture.signatures[0]!.protected}.${posture.payload}.${posture.signatures[0]!.signature}`;
    for (const announcement of [unsigned, mistyped]) {
      const error = await refusal(await published([stranger], [{ jws: announcement, by: current.publicJwk }]), [current.publicJwk.kid!]);
      expect(error.code).to.equal('no-trusted-signature');
      expect(error.message).to.contain(stranger.publicJwk.kid!);
    }
  });

  it('refuses an expired announcement, and one valid for longer than a year', async () => {
    const expired = await announce(current, [next], 30, Date.now() - 60 * DAY);
    const tooLong = await announce(current, [next], 400);
    for (const announcement of [expired, tooLong]) {
      const error = await refusal(await published([next], [announcement]), [current.publicJwk.kid!]);
      expect(error.code).to.equal('no-trusted-signature');
      expect(error.message).to.contain(next.publicJwk.kid!);
    }
  });

  it(`refuses a file with more than ${MAX_ANNOUNCEMENTS} announcements before checking any`, async () => {
    const one = await announce(current, [next]);
    const error = await refusal(await published([next], Array(MAX_ANNOUNCEMENTS + 1).fill(one)), [current.publicJwk.kid!]);
    expect(error.code).to.equal('too-many-signatures');
  });

  it('an announcement longer than 2048 characters is not read, though validly signed', async () => {
    const long = {
      next: [next.publicJwk.kid!],
      issued: new Date(Date.now() - DAY).toISOString(),
      expires: new Date(Date.now() + DAY).toISOString(),
      note: 'x'.repeat(2000),
    } as Announcement;
    const [announcement] = await signAnnouncement(long, [current.key]);
    expect(announcement!.jws.length).to.be.greaterThan(2048);
    const error = await refusal(await published([next], [announcement!]), [current.publicJwk.kid!]);
    expect(error.code).to.equal('no-trusted-signature');
    // The same announcement without the padding is followed.
    const [short] = await signAnnouncement({ ...long, note: undefined } as Announcement, [current.key]);
    expect((await verifyPosture(await published([next], [short!]), { pins: [current.publicJwk.kid!] })).signers[0]!.thumbprint).to.equal(
      next.publicJwk.kid,
    );
  });

  it('announcements do not widen discovery or a named key set: only a pin follows them', async () => {
    const text = await published([next], [await announce(current, [next])]);
    try {
      await verifyPosture(text, { jwks: { keys: [current.publicJwk] } });
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as PostureError).code).to.equal('no-trusted-signature');
    }
  });
});
