/**
 * The change feeds `publish` writes beside the page: Atom (read with the browser's strict XML
 * parser) and JSON Feed 1.1, from the change log and from `diff` against the version published
 * before, carried over from release to release; hostile text stays text.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { atomFeed, jsonFeed, xmlText, type FeedMeta } from '../../src/cli/feed.js';
import { readAtom, withChromium } from './chromium.js';
import { cli, keygen, makeDocument, tempDir, writeJson } from './helpers.js';

const ID = 'https://vendor.example/.well-known/trust-elements/posture.json';

/** A folder with a key, and a function that signs `doc` with `sequence` and publishes it into site/. */
async function vendor() {
  const dir = await tempDir();
  await keygen(dir, 'ed25519', 'key.json');
  const release = async (doc: Record<string, unknown>, sequence: number) => {
    await writeJson(dir, 'doc.json', { ...doc, sequence });
    const s = await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--out', 'signed.json']);
    assert.equal(s.code, 0, s.stderr);
    const p = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'jwks.json']);
    assert.equal(p.code, 0, p.stderr);
    return {
      atom: await readFile(path.join(dir, 'site', 'feed.atom'), 'utf8'),
      json: JSON.parse(await readFile(path.join(dir, 'site', 'feed.json'), 'utf8')),
      stdout: p.stdout,
    };
  };
  return { dir, release };
}

const withSubprocessors = (entries: Record<string, unknown>[], more: Record<string, unknown> = {}) =>
  makeDocument({ subprocessors: { disclosure: 'public', entries }, ...more });

const AWS = { name: 'Amazon Web Services', purpose: 'Hosting' };

describe('publish: change feeds', () => {
  test('a changed and an added sub-processor make an entry in the Atom and JSON feeds, kept through later releases', async () => {
    const { release } = await vendor();
    const first = await release(withSubprocessors([AWS]), 1);
    assert.deepEqual(first.json.items, [], 'a first version is no change');
    const second = await release(
      withSubprocessors([
        { ...AWS, purpose: 'Hosting and backups' },
        { name: 'Stripe', purpose: 'Payments' },
      ]),
      2,
    );
    const third = await release(
      withSubprocessors([
        { ...AWS, purpose: 'Hosting and backups' },
        { name: 'Stripe', purpose: 'Payments' },
      ]),
      3,
    );

    await withChromium(async (browser) => {
      for (const { atom } of [second, third]) {
        const feed = await readAtom(browser, atom);
        assert.equal(feed.error, null);
        assert.equal(feed.root, 'http://www.w3.org/2005/Atom feed');
        assert.deepEqual(
          { ...feed.feed, updated: undefined },
          {
            id: 'https://vendor.example/feed.atom',
            title: 'Vendor Example: security, privacy and sub-processor changes',
            author: 'Vendor Example',
            updated: undefined,
          },
        );
        assert.ok(!Number.isNaN(Date.parse(feed.feed.updated!)), 'feed updated is a date');
        assert.equal(feed.entries.length, 1, 'one release with changes: the second');
        const [entry] = feed.entries;
        assert.equal(entry!.id, `${ID}#sequence-2`);
        assert.equal(entry!.title, '2 changes: Sub-processor added: Stripe — Payments; …');
        assert.ok(!Number.isNaN(Date.parse(entry!.updated!)));
        assert.equal(
          entry!.content,
          'Sub-processor added: Stripe — Payments\nSub-processor changed: Amazon Web Services — Hosting and backups (purpose: Hosting → Hosting and backups)',
        );
      }
    });
    for (const { json } of [second, third]) {
      assert.equal(json.version, 'https://jsonfeed.org/version/1.1');
      assert.equal(json.title, 'Vendor Example: security, privacy and sub-processor changes');
      assert.equal(json.feed_url, 'https://vendor.example/feed.json');
      assert.deepEqual(
        json.items.map((i: Record<string, unknown>) => [
          i.id,
          typeof i.title,
          typeof i.content_text,
          Number.isNaN(Date.parse(String(i.date_published))),
        ]),
        [[`${ID}#sequence-2`, 'string', 'string', false]],
      );
    }
  });

  test('change-log entries become feed entries, newest first, with ids that stay the same', async () => {
    const { release } = await vendor();
    const changelog = [
      { date: '2026-05-01', type: 'subprocessor-added', subject: 'Stripe', summary: 'Payments now go through Stripe.' },
      { date: '2026-06-01', type: 'control-changed', summary: 'SSO shipped.' },
    ];
    const one = await release(makeDocument({ changelog }), 1);
    const two = await release(makeDocument({ changelog }), 2);
    assert.deepEqual(
      one.json.items.map((i: Record<string, unknown>) => [i.title, i.date_published]),
      [
        ['SSO shipped.', '2026-06-01T00:00:00Z'],
        ['Stripe: Payments now go through Stripe.', '2026-05-01T00:00:00Z'],
      ],
    );
    assert.deepEqual(two.json.items, one.json.items);
  });

  test('hostile text stays text: the Atom feed is well-formed and says it as written', async () => {
    const { release } = await vendor();
    const name = `</title></entry><entry><id>x</id> & "q" 'a' ]]> <![CDATA[`;
    await release(withSubprocessors([AWS]), 1);
    const { atom, json } = await release(withSubprocessors([AWS, { name, purpose: '<b>bold</b>' }]), 2);
    await withChromium(async (browser) => {
      const feed = await readAtom(browser, atom);
      assert.equal(feed.error, null);
      assert.equal(feed.entries.length, 1);
      assert.equal(feed.entries[0]!.content, `Sub-processor added: ${name} — <b>bold</b>`);
    });
    assert.equal(json.items[0].content_text, `Sub-processor added: ${name} — <b>bold</b>`);
  });

  test('xmlText: characters XML cannot carry become U+FFFD, so the feed still parses', async () => {
    const meta: FeedMeta = {
      title: 't',
      page: 'https://vendor.example/',
      atomUrl: 'https://vendor.example/feed.atom',
      jsonUrl: 'https://vendor.example/feed.json',
      author: 'a',
    };
    const hostile = 'a\u0000b\u0008c\u001Bd\uFFFEe\uD800f\uDC00g\u2028h\uD83D\uDE00i';
    assert.equal(xmlText(hostile), 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\u2028h\uD83D\uDE00i');
    const entry = { id: 'urn:x', title: hostile, updated: '2026-01-01T00:00:00Z', text: hostile };
    await withChromium(async (browser) => {
      const feed = await readAtom(browser, atomFeed(meta, [entry], '2026-01-01T00:00:00Z'));
      assert.equal(feed.error, null);
      assert.equal(feed.entries[0]!.title, xmlText(hostile));
    });
    assert.equal(JSON.parse(jsonFeed(meta, [entry])).items[0].title, hostile, 'JSON carries any text');
  });

  test('a feed that publish did not write is kept', async () => {
    const { dir, release } = await vendor();
    await release(makeDocument(), 1);
    await writeFile(path.join(dir, 'site', 'feed.atom'), '<feed>our blog</feed>');
    const again = await release(makeDocument(), 2);
    assert.equal(again.atom, '<feed>our blog</feed>');
    assert.match(again.stdout, /kept +site\/feed\.atom \(not written by publish\)/);
  });
});
