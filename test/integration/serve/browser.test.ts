/**
 * The viewer in a real browser (headless Chromium) over the demo store: the 001-35126 review with comment 1
 * beside its response, a link to the next round, a search and a topic filter, with JavaScript off; then, with
 * JavaScript on, a keyboard-only pass, an accessibility check (axe-core, no serious violation) and a hostile
 * letter rendered as text; a letter too long for one page is read part by part. Screenshots go to a temporary
 * directory named in the test output.
 */
import assert from 'node:assert/strict';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { startServeServer, type RunningServer } from '../../../src/serve/serve-app.ts';
import { StoreReviewSource } from '../../../src/serve/store-review-source.ts';
import { launchChromium } from './browser.ts';
import { HOSTILE_ACCESSION, HOSTILE_THREAD, REVIEW_ID, openDemoStore, type DemoStore } from './demo-store.ts';
import { makeLetter } from '../../fixtures/letters.ts';

/** A letter whose items and text weigh far more than one page (page-parts.ts): shown in parts. */
const LONG_ACCESSION = '0009999999-21-000777';
const longLetter = () =>
  makeLetter({
    accessionNumber: LONG_ACCESSION,
    cik: '9999998',
    companyName: 'Long Letter Ltd.',
    filers: [{ cik: '9999998', name: 'Long Letter Ltd.' }],
    fileNumbers: ['999-99998'],
    text: Array.from(
      { length: 600 },
      (_, i) => `Line ${i + 1} of a long letter. ${'Lorem ipsum dolor. '.repeat(20)}`,
    ).join('\n'),
    items: Array.from({ length: 20 }, (_, i) => ({
      number: i + 1,
      headings: [],
      pageRef: null,
      comment: `Please expand item ${i + 1}. ${'Tell us more. '.repeat(200)}`,
      response: `We advise the Staff on item ${i + 1}. ${'We will revise. '.repeat(200)}`,
      priorComments: [],
      topics: ['mda_results'],
      authorities: [],
    })),
  });

let demo: DemoStore;
let server: RunningServer;
let dir: string;
let noScript: BrowserContext;
let withScript: BrowserContext;

const reviewPath = `/reviews/${encodeURIComponent(REVIEW_ID)}`;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edgar-corresp-browser-'));
  demo = await openDemoStore();
  await demo.store.upsertLetter(longLetter());
  server = await startServeServer(
    { store: demo.store, reviews: new StoreReviewSource(demo.store) },
    { host: '127.0.0.1', port: 0 },
  );
  noScript = await launchChromium(dir, { javaScriptEnabled: false });
  withScript = await launchChromium(dir, { javaScriptEnabled: true });
});

after(async () => {
  await noScript?.close();
  await withScript?.close();
  await server?.close();
  await demo?.close();
  // Screenshots stay for a look after a failure; the profiles are removed with them otherwise.
  if (process.env['KEEP_SCREENSHOTS'] !== '1') await rm(dir, { recursive: true, force: true });
});

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${server.url}${path}`);
  assert.equal(response?.status(), 200, path);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

// A suite's timeout bounds all its tests together: six pages through axe-core alone took 55 s at load average 20.
describe('viewer in Chromium', { timeout: 600_000 }, () => {
  it('shows comment 1 of the 001-35126 review side by side with its response, JavaScript off', async (t) => {
    const page = await open(noScript, reviewPath);
    const pair = page.locator('#r1-c1');
    const comment = await pair.locator('[data-role=comment]').boundingBox();
    const response = await pair.locator('[data-role=response]').boundingBox();
    assert.ok(comment && response);
    assert.ok(Math.abs(comment.y - response.y) < 2, 'same row');
    assert.ok(response.x >= comment.x + comment.width - 1, 'response to the right of the comment');
    assert.match((await pair.locator('[data-role=response]').textContent()) ?? '', /respectfully advises/);
    assert.match((await pair.locator('[data-role=comment]').textContent()) ?? '', /net revenues/);
    assert.ok((await page.locator('a[href^="https://www.sec.gov/Archives/edgar/data/1508475/"]').count()) > 0);
    await shot(page, 'review');
    t.diagnostic(`screenshots in ${dir}`);
    await page.close();
  });

  it('follows the links to the next round and to a follow-up', async () => {
    const page = await open(noScript, reviewPath);
    await page.locator('#round-1 a[rel=next]').click();
    assert.ok(page.url().endsWith('#round-2'));
    assert.equal(await page.locator('#round-2:target').count(), 1, 'round 2 is the target');
    await page.locator('#r1-c3 .follow-ups a').first().click();
    assert.ok(page.url().endsWith('#r2-c1'));
    assert.equal(await page.locator('#r2-c1:target').count(), 1);
    await shot(page, 'round-2');
    await page.close();
  });

  it('runs a search with marked matches, then narrows it by topic', async () => {
    const page = await open(noScript, '/search');
    await page.locator('#q').fill('company');
    await page.locator('form.filters button[type=submit]').click();
    await page.waitForURL(/\/search\?q=company/);
    const all = await page.locator('li.hit').count();
    assert.ok(all > 1, `hits: ${all}`);
    assert.ok((await page.locator('li.hit mark').count()) > 0, 'matches marked');
    await shot(page, 'search');
    await page.locator('#topic').selectOption('business_combinations');
    await page.locator('form.filters button[type=submit]').click();
    await page.waitForURL(/topic=business_combinations/);
    const hits = page.locator('li.hit a');
    const narrowed = await hits.count();
    assert.ok(narrowed > 0 && narrowed < all, `${narrowed} of ${all}`);
    for (const href of await hits.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
      const letter = await demo.store.getLetter(decodeURIComponent(href.split('/').at(-1)!));
      assert.ok(
        letter?.items.some((i) => i.topics.includes('business_combinations')),
        href,
      );
    }
    await shot(page, 'search-topic');
    await page.close();
  });

  it('reads a long letter part by part, every item and line once', async () => {
    const page = await open(noScript, `/letters/${LONG_ACCESSION}`);
    const heading = (await page.locator('nav.parts span').first().textContent()) ?? '';
    const parts = Number(/Part 1 of (\d+)/.exec(heading)?.[1]);
    assert.ok(parts >= 2, heading);
    const items: string[] = [];
    const lines: string[] = [];
    for (let part = 1; part <= parts; part++) {
      if (part > 1) {
        await page.locator('nav.parts').first().locator('a[rel=next]').click();
        await page.waitForURL(new RegExp(`\\?part=${part}$`));
      }
      assert.match(
        (await page.locator('nav.parts span').first().textContent()) ?? '',
        new RegExp(`Part ${part} of ${parts}`),
      );
      items.push(...(await page.locator('article.pair').evaluateAll((as) => as.map((a) => a.id))));
      const text = (await page.locator('pre.text').allTextContents()).join('');
      lines.push(...[...text.matchAll(/Line (\d+) of a long letter/g)].map((m) => m[1]!));
      await shot(page, `long-letter-part-${part}`);
    }
    assert.equal(await page.locator('nav.parts a[rel=next]').count(), 0, 'the last part has no next');
    assert.deepEqual(
      items,
      Array.from({ length: 20 }, (_, i) => `item-${i + 1}`),
    );
    assert.deepEqual(
      lines,
      Array.from({ length: 600 }, (_, i) => String(i + 1)),
    );
    await page.close();
  });

  it('reaches every link of the review page with the Tab key alone', async () => {
    const page = await open(withScript, reviewPath);
    const links = await page
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href));
    const reached = new Set<string>();
    for (let i = 0; i < links.length + 10; i++) {
      await page.keyboard.press('Tab');
      const href = String(await page.evaluate('document.activeElement && document.activeElement.href || ""'));
      if (href) reached.add(href);
    }
    const missed = links.filter((href) => !reached.has(href));
    assert.deepEqual(missed, [], 'links never focused');
    await page.close();
  });

  it('has no serious or critical axe-core violation on any page', async () => {
    const require = createRequire(import.meta.url);
    const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    const paths = ['/', reviewPath, '/search?q=revenue', '/companies/1508475', '/file-numbers/001-35126'];
    const letter = (await demo.store.getLetter('0001193125-14-000946'))!;
    paths.push(`/letters/${letter.accessionNumber}`, `/letters/${LONG_ACCESSION}?part=2`);
    for (const path of paths) {
      const page = await open(withScript, path);
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
          }
        ).axe;
        const result = await axe.run();
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(serious, [], `${path}: ${JSON.stringify(violations)}`);
      await page.close();
    }
  });

  it('renders a hostile letter as text: no script, no event handler, no javascript: link', async () => {
    let dialogs = 0;
    for (const path of [
      `/reviews/${encodeURIComponent(HOSTILE_THREAD)}`,
      `/letters/${HOSTILE_ACCESSION}`,
      '/search?q=hostile',
    ]) {
      const page = await open(withScript, path);
      page.on('dialog', (dialog) => {
        dialogs += 1;
        void dialog.dismiss();
      });
      assert.equal(await page.locator('main script, main img, main [onerror]').count(), 0, path);
      assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, path);
      assert.notEqual(await page.title(), 'pwned');
      const text = (await page.locator('main').textContent()) ?? '';
      assert.match(text, /<script>document\.title="pwned"<\/script>|<img src=x onerror/, path);
      await shot(page, `hostile-${path.split('/')[1]!.replace(/\W/g, '-')}`);
      await page.close();
    }
    assert.equal(dialogs, 0);
  });
});
