import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, expectAskedOnLeaving, expectLeavesWithoutAsking, test } from './fixtures';

const bundled = readFileSync('data/dialogues.csv', 'utf8');
const [header, ...lines] = bundled.trimEnd().split('\n');
/** The bundled meetings and one more: applying it adds one meeting (nine shown become ten). */
const plusOne = [
  header,
  ...lines,
  'af-2026-02-kabul-2b,2026-02,held,Afghanistan,Additional Secretary-level talks,3,,kabul,border-security,,,s2,q,Third round.',
].join('\n');
const plusTwo = `${plusOne}\nus-2026-01-ct,2026-01,planned,United States,Counterterrorism Dialogue,,,islamabad,counter-terrorism,,,s3,q,s`;

async function uploadAndApply(page: Page, name: string, text: string) {
  await page
    .getByTestId('upload')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await expect(page.getByTestId('upload-diff')).toBeVisible();
  await page.getByTestId('upload-apply').click();
}

const marks = (page: Page) => page.getByTestId('cadence-mark');
/**
 * After a reload, the data kept in this browser is read from IndexedDB in the ingest worker, which
 * the page starts then: 0.2 s on a quiet machine, over 5 s (the default wait) once on a loaded CI
 * machine, with "Loading the data…" shown meanwhile. What is shown is asserted as before.
 */
const KEPT_READ = { timeout: 15_000 };

/** Two tabs of the app in one browser (one storage), both loaded. */
async function twoTabs(context: BrowserContext): Promise<[Page, Page]> {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto('./');
  await second.goto('./');
  return [first, second];
}

test('two tabs stay in step: an apply in one shows in the other, which says so; its Undo shows in the first', async ({
  context,
}) => {
  const [first, second] = await twoTabs(context);
  await expect(marks(first)).toHaveCount(9);
  await expect(marks(second)).toHaveCount(9);

  await uploadAndApply(first, 'plus-one.csv', plusOne);
  await expect(marks(first)).toHaveCount(10);
  await expect(marks(second)).toHaveCount(10);
  await expect(second.getByTestId('data-notice')).toContainText('Another tab changed the data');
  await expect(second.getByTestId('dataset-banner')).toContainText('plus-one.csv');

  // The second tab's Undo goes back to the bundled data, and the first follows it.
  await second.getByTestId('data-undo').click();
  await expect(marks(second)).toHaveCount(9);
  await expect(marks(first)).toHaveCount(9);
  await expect(first.getByTestId('data-redo')).toBeEnabled();

  // Reloading either keeps what was applied last, in whichever tab.
  await first.getByTestId('data-redo').click();
  await expect(marks(second)).toHaveCount(10);
  await second.reload();
  await expect(marks(second)).toHaveCount(10, KEPT_READ);
});

test('an upload under review in one tab is checked again when another tab applies, and says so', async ({
  context,
}) => {
  const [first, second] = await twoTabs(context);
  await second
    .getByTestId('upload')
    .locator('input[type=file]')
    .setInputFiles({ name: 'plus-two.csv', mimeType: 'text/csv', buffer: Buffer.from(plusTwo, 'utf8') });
  const diff = second.getByTestId('upload-diff');
  await expect(diff).toHaveAttribute('data-added', '2');

  await uploadAndApply(first, 'plus-one.csv', plusOne);
  await expect(marks(second)).toHaveCount(10);
  await expect(second.getByTestId('data-notice')).toContainText(
    'Your upload (plus-two.csv) was checked again against it',
  );
  // Against the data the other tab applied, one of the two meetings is already there.
  await expect(diff).toHaveAttribute('data-added', '1');
  await second.getByTestId('upload-apply').click();
  await expect(marks(second)).toHaveCount(11);
  await expect(marks(first)).toHaveCount(11);
});

test('an upload picked before another tab applied asks before taking back that tab’s work, which Undo brings back', async ({
  context,
}) => {
  const [first, second] = await twoTabs(context);
  /** A meeting's row with words added to its summary (its last cell, quoted or not). */
  const edit = (row: string, words: string) =>
    row.endsWith('"') ? `${row.slice(0, -1)} ${words}"` : `${row} ${words}`;
  const editB = [header, ...lines.map((l, i) => (i === 2 ? edit(l, 'Edited in tab B.') : l))].join('\n');
  const editA = [
    header,
    ...lines.map((l, i) => (i === 0 ? edit(l, 'Edited in tab A.') : l)),
    plusOne.split('\n').at(-1),
  ];
  await second
    .getByTestId('upload')
    .locator('input[type=file]')
    .setInputFiles({ name: 'edit-B.csv', mimeType: 'text/csv', buffer: Buffer.from(editB, 'utf8') });
  const diff = second.getByTestId('upload-diff');
  await expect(diff).toHaveAttribute('data-changed', '1');

  await uploadAndApply(first, 'edit-A.csv', editA.join('\n'));
  await expect(marks(second)).toHaveCount(10);
  // Checked again against tab A's data, tab B's file removes A's meeting and strikes A's edit.
  await expect(diff).toHaveAttribute('data-removed', '1');
  await expect(diff).toHaveAttribute('data-changed', '2');
  await second.getByTestId('upload-apply').click();
  const confirm = second.getByTestId('upload-confirm');
  await expect
    .poll(async () => (await confirm.textContent())?.replace(/\s+/g, ' ').trim())
    .toMatch(
      /^Another tab changed the data to “edit-A\.csv \(uploaded [^”]+\)” at \d\d:\d\d:\d\d, after you picked these files: applying yours removes 1 meeting it added and undoes 1 change it made\. That data is not lost: after applying, Undo brings it back\./,
    );
  await expect(marks(second)).toHaveCount(10); // nothing applied yet
  await second.getByTestId('upload-apply').click();
  await expect(marks(second)).toHaveCount(9);
  await expect(marks(first)).toHaveCount(9);
  await expect(second.getByTestId('data-undo')).toHaveText(/^Undo: back to edit-A\.csv/);
  await second.getByTestId('data-undo').click();
  await expect(marks(second)).toHaveCount(10);
  await expect(marks(first)).toHaveCount(10);
});

test('a save interrupted between writes leaves the stored data and its Undo consistent', async ({ page }) => {
  await page.addInitScript(() => {
    // When asked, the next write's transaction ends after its first put, as when the tab closes mid-save.
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = put.apply(this, args);
      const w = window as unknown as { __interrupt?: boolean };
      if (w.__interrupt) {
        w.__interrupt = false;
        this.transaction.abort();
      }
      return request;
    } as IDBObjectStore['put'];
  });
  await page.goto('./');
  await expect(marks(page)).toHaveCount(9);
  await uploadAndApply(page, 'plus-one.csv', plusOne);
  await expect(marks(page)).toHaveCount(10);
  await expect(page.getByTestId('upload')).toHaveAttribute('aria-busy', 'false'); // saved

  await page.evaluate(() => ((window as unknown as { __interrupt?: boolean }).__interrupt = true));
  await uploadAndApply(page, 'plus-two.csv', plusTwo);
  await expect(marks(page)).toHaveCount(11);
  await expect(page.getByTestId('storage-problem')).toContainText('would not keep the data');

  // Stored: the first apply whole, with its Undo back to the bundled data (not a half-written mix).
  await page.reload();
  await expect(marks(page)).toHaveCount(10, KEPT_READ);
  await expect(page.getByTestId('dataset-banner')).toContainText('plus-one.csv');
  await expect(page.getByTestId('data-undo')).toHaveText('Undo: back to published data');
  await page.getByTestId('data-undo').click();
  await expect(marks(page)).toHaveCount(9);
});

/**
 * Once `window.__slowWrites` is set (ms), each write's transaction is kept open for that long
 * (count requests, one after another) before it commits: a slow disk, or a large upload.
 */
function slowWrites() {
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = open.apply(this, args);
    const slow = (window as unknown as { __slowWrites?: number }).__slowWrites;
    if (slow && args[1] === 'readwrite') {
      const store = tx.objectStore(tx.objectStoreNames[0]!);
      const until = Date.now() + slow;
      const spin = () => {
        if (Date.now() < until) store.count().onsuccess = spin;
      };
      spin();
    }
    return tx;
  } as IDBDatabase['transaction'];
}

test('an upload applied is not lost to leaving the page before it is kept: the page asks until it is saved', async ({
  page,
}) => {
  await page.addInitScript(slowWrites);
  await page.goto('./');
  await expect(marks(page)).toHaveCount(9);
  await page.evaluate(() => ((window as unknown as { __slowWrites?: number }).__slowWrites = 4000));
  await uploadAndApply(page, 'plus-one.csv', plusOne);
  await expect(marks(page)).toHaveCount(10);
  await expect(page.getByTestId('upload')).toHaveAttribute('aria-busy', 'true'); // still saving
  await expectAskedOnLeaving(page);
  await expect(page.getByTestId('upload')).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 }); // saved
  // Kept: leaving no longer asks, and the data is there after a reload.
  await page.reload();
  await expect(marks(page)).toHaveCount(10, KEPT_READ);
  await expect(page.getByTestId('dataset-banner')).toContainText('plus-one.csv');
  await expectLeavesWithoutAsking(page);
});

test('storage that never answers: the page says so, shows the data, and Apply, Undo and Reset work', async ({
  page,
}) => {
  test.setTimeout(45_000);
  await page.addInitScript(() => {
    // indexedDB.open returns a request that never succeeds nor fails.
    indexedDB.open = () => ({}) as IDBOpenDBRequest;
  });
  await page.goto('./');
  await expect(marks(page)).toHaveCount(9, { timeout: 10_000 });
  const problem = page.getByTestId('storage-problem');
  await expect(problem).toContainText('has not answered yet');
  await expect(problem).toContainText('did not answer', { timeout: 15_000 });

  await uploadAndApply(page, 'plus-one.csv', plusOne);
  await expect(marks(page)).toHaveCount(10);
  await expect(problem).toContainText('work for this session');
  await expect(page.getByTestId('data-undo')).toBeEnabled();
  await page.getByTestId('data-undo').click();
  await expect(marks(page)).toHaveCount(9);
  await page.getByTestId('data-redo').click();
  await expect(marks(page)).toHaveCount(10);
  await page.getByTestId('data-reset').click();
  await expect(marks(page)).toHaveCount(9);
  await expect(page.getByTestId('upload-apply')).toHaveCount(0);
});

test('a page the browser refuses storage (cookies blocked) shows the data at once, never asks IndexedDB, and says changes are not kept', async ({
  page,
}) => {
  await page.addInitScript(() => {
    // As Chromium does with cookies blocked: localStorage throws, and IndexedDB is counted, never answering.
    Object.defineProperty(window, 'localStorage', {
      get: () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    const w = window as unknown as { opens: number };
    w.opens = 0;
    indexedDB.open = () => (w.opens++, {}) as IDBOpenDBRequest;
  });
  await page.goto('./');
  await expect(marks(page)).toHaveCount(9);
  await uploadAndApply(page, 'plus-one.csv', plusOne);
  await expect(marks(page)).toHaveCount(10);
  await expect(page.getByTestId('storage-problem')).toHaveText(
    'This browser does not let this page keep data (its storage is blocked here). The data is shown for this session only: download the data package to keep it.',
  );
  expect(await page.evaluate(() => (window as unknown as { opens: number }).opens)).toBe(0);
  // Kept nowhere but in this page: leaving asks first; once the published data is shown again, it does not.
  await expectAskedOnLeaving(page);
  await page.getByTestId('data-reset').click();
  await expect(marks(page)).toHaveCount(9);
  await expectLeavesWithoutAsking(page);
});

test('an embed in a page opened from a file, whose storage the browser refuses, draws without waiting for IndexedDB', async ({
  page,
  baseURL,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { opens: number };
    w.opens = 0;
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (...args) => (w.opens++, open(...args));
  });
  // A page set here has an opaque origin, as a file's page does: Chromium never answers an embed's IndexedDB there.
  await page.setContent(`<iframe src="${baseURL}#/embed/cadence" width="640" height="400" style="border:0"></iframe>`);
  const frame = page.frames()[1]!;
  await expect(page.frameLocator('iframe').getByTestId('cadence-mark')).toHaveCount(9);
  expect(await frame.evaluate(() => localStorage.length).catch((e: Error) => e.message)).toContain('Access is denied');
  expect(await frame.evaluate(() => (window as unknown as { opens: number }).opens)).toBe(0);
});

test('Reset while the published data cannot be fetched changes nothing and deletes nothing', async ({ page }) => {
  await page.goto('./');
  await uploadAndApply(page, 'plus-one.csv', plusOne);
  await expect(marks(page)).toHaveCount(10);
  await expect(page.getByTestId('upload')).toHaveAttribute('aria-busy', 'false'); // saved

  await page.route('**/data/*.csv', (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.getByTestId('data-reset').click();
  await expect(page.getByTestId('data-notice')).toContainText('could not be fetched');
  await expect(page.getByTestId('data-notice')).toContainText('Nothing changed');
  await expect(marks(page)).toHaveCount(10);
  await expect(page.getByTestId('upload')).toBeVisible();
  await expect(page.getByTestId('data-undo')).toBeEnabled();

  await page.unroute('**/data/*.csv');
  await page.reload();
  await expect(marks(page)).toHaveCount(10, KEPT_READ);
  await expect(page.getByTestId('dataset-banner')).toContainText('plus-one.csv');
});

test('the data package holds the four files as shown, a datapackage.json naming them and a README.txt saying what it is', async ({
  page,
}) => {
  await page.goto('./');
  await uploadAndApply(page, 'plus-one.csv', plusOne);
  await expect(marks(page)).toHaveCount(10);
  // Filtered: the package still holds all the data shown, and says so.
  await page.evaluate(() => (location.hash = '#/?status=planned'));
  await expect(page.getByRole('radio', { name: 'Planned' })).toBeChecked();
  const wait = page.waitForEvent('download');
  await page.getByTestId('download-package').click();
  const download = await wait;
  expect(download.suggestedFilename()).toBe('dialogue-atlas-data-2026-11-21.zip'); // the viewer's day: TEST_TODAY
  const { unzipSync, strFromU8 } = await import('fflate');
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  expect(Object.keys(files).sort()).toEqual([
    'README.txt',
    'datapackage.json',
    'dialogues.csv',
    'sources.csv',
    'topics.csv',
    'venues.geojson',
  ]);
  const dialogues = strFromU8(files['dialogues.csv']!);
  expect(dialogues.trimEnd().split('\n')).toHaveLength(11);
  const descriptor = JSON.parse(strFromU8(files['datapackage.json']!)) as {
    resources: { path: string; schema: { fields: { name: string }[] } }[];
  };
  const readme = strFromU8(files['README.txt']!);
  const address = page.url().replace(/[?#].*$/s, '');
  expect(readme).toMatch(/^Made on 2026-11-21 at \d\d:\d\d \(UTC[+-]\d\d:\d\d\), from the data shown at /m);
  expect(readme).toContain(`, from the data shown at ${address}.`);
  expect(readme).toContain('It includes changes not yet published');
  expect(readme).toContain('Filters are not applied');
  expect(readme).toContain('* dialogues.csv (10 rows): Meetings, held and planned, one a row.');
  expect(readme).toContain('* Strengthening Pakistan EU Security Cooperation. Publisher not stated, date not stated.');
  expect(readme).toContain(`Dialogue Atlas, data package downloaded 2026-11-21, ${address}\n`);
  const table = descriptor.resources.find((r) => r.path === 'dialogues.csv')!;
  expect(table.schema.fields.map((f) => f.name).join(',')).toBe(dialogues.split('\n')[0]);

  const each = page.waitForEvent('download');
  await page.getByTestId('data-download-venues').click();
  expect((await each).suggestedFilename()).toBe('venues.geojson');

  // Uploaded back as it came: unzipped and read, nothing to change, the descriptor only a note.
  await page
    .getByTestId('upload')
    .locator('input[type=file]')
    .setInputFiles((await download.path())!);
  await expect(page.getByTestId('upload-diff')).toHaveAttribute('data-added', '0');
  await expect(page.getByTestId('upload-diff')).toHaveAttribute('data-changed', '0');
  await expect(page.getByTestId('upload-diff')).toHaveAttribute('data-removed', '0');
  await expect(page.getByTestId('upload')).toContainText(/› dialogues.csv, comma-separated, \d+ rows ready to load/);
  // No problem at all: the file list says what the descriptor is.
  await expect(page.getByTestId('upload-error')).toHaveCount(0);
  await expect(page.getByTestId('upload')).toContainText(
    'datapackage.json — not used: it describes the Data package (its files and their columns)',
  );
  await expect(page.getByTestId('upload')).toContainText(
    'README.txt — not used: it says what the Data package holds, when it was made and how to cite it',
  );
});

test('an upload that would remove every meeting asks first, naming the count', async ({ page }) => {
  await page.goto('./');
  await page
    .getByTestId('upload')
    .locator('input[type=file]')
    .setInputFiles({ name: 'header-only.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n`) });
  await expect(page.getByTestId('upload-diff')).toBeVisible();
  // A header and no rows is most likely a mistake: said, naming the file, before Apply asks.
  await expect(page.getByTestId('upload-error')).toHaveText([
    /header-only\.csv has its header but no rows: was the right sheet saved\?/,
  ]);
  await expect(page.getByTestId('upload-error')).toHaveAttribute('data-severity', 'warning');
  await page.getByTestId('upload-apply').click();
  await expect(page.getByTestId('upload-confirm')).toContainText('This removes all 9 meetings shown now');
  await expect(page.getByTestId('upload-apply')).toHaveText('Remove 9 meetings and apply');
  // The keyboard's place is on Cancel: a second Enter does not remove every meeting.
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('upload-confirm')).toHaveCount(0);
  await expect(page.getByTestId('upload-apply')).toBeFocused();
  await page.getByTestId('upload-apply').click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('upload-confirm')).toHaveCount(0);
  await expect(marks(page)).toHaveCount(9);
});

test('rows with errors can be left out: "Apply without the 2 rows with errors" applies the rest', async ({ page }) => {
  await page.goto('./');
  await expect(marks(page)).toHaveCount(9);
  const text = `${plusOne}\nbad-1,2025-02-30,held,Afghanistan,Talks,,,kabul,,,,s2,q,s\nbad-2,2025-03,postponed,Afghanistan,Talks,,,kabul,,,,s2,q,s\n`;
  await page
    .getByTestId('upload')
    .locator('input[type=file]')
    .setInputFiles({ name: 'some-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('upload-apply')).toBeDisabled();
  await page.getByTestId('upload-apply-skipping').click();
  await expect(marks(page)).toHaveCount(10);
  // The rows left out are listed with the data shown.
  await expect(page.getByText('2025-02-30').first()).toBeAttached();
});

test('a missing column is not a row problem: nothing can be applied', async ({ page }) => {
  await page.goto('./');
  await page
    .getByTestId('upload')
    .locator('input[type=file]')
    .setInputFiles({
      name: 'no-partner.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('id,date,status\nx,2025,held\n'),
    });
  await expect(page.getByTestId('upload-errors')).toContainText('Missing required');
  await expect(page.getByTestId('upload-apply')).toBeDisabled();
  await expect(page.getByTestId('upload-apply-skipping')).toHaveCount(0);
});

/** Both tabs open; the first applies plus-one.csv and saves it, then the second, which missed that, applies plus-two.csv. */
async function applyInBothTabs(first: Page, second: Page) {
  await first.goto('./');
  await second.goto('./');
  await expect(marks(second)).toHaveCount(9);
  await uploadAndApply(first, 'plus-one.csv', plusOne);
  await expect(marks(first)).toHaveCount(10);
  await expect(first.getByTestId('upload')).toHaveAttribute('aria-busy', 'false'); // saved
  await uploadAndApply(second, 'plus-two.csv', plusTwo);
  await expect(marks(second)).toHaveCount(11);
}

test('a tab that missed another tab’s apply does not write over it silently: it asks', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  // The second tab hears nothing from the others (as if BroadcastChannel were missing).
  await second.addInitScript(() => {
    Object.defineProperty(window, 'BroadcastChannel', { value: undefined });
  });
  await applyInBothTabs(first, second);
  const conflict = second.getByTestId('data-conflict');
  await expect(conflict).toContainText('Another tab saved “plus-one.csv');
  // Before the choice, what showing theirs does with this tab's data.
  await expect(conflict).toContainText('Showing theirs keeps this tab’s data one Undo away');
  await expect(second.getByTestId('publish-note')).toHaveCount(0);
  await conflict.getByRole('button', { name: /^Keep/ }).click();
  await expect(conflict).toHaveCount(0);
  await expect(second.getByTestId('upload')).toHaveAttribute('aria-busy', 'false'); // saved
  await first.reload();
  await expect(marks(first)).toHaveCount(11, KEPT_READ);
  await second.reload();
  await expect(marks(second)).toHaveCount(11, KEPT_READ);
  // Its Undo goes back to what the first tab had applied.
  await expect(second.getByTestId('data-undo')).toContainText('plus-one.csv');
});

test('showing the other tab’s data keeps this tab’s one Undo away, through other tabs’ changes: leaving asks until Undo brings it back and stores it', async ({
  context,
}) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await second.addInitScript(slowWrites);
  // The second tab hears nothing from the others while `deaf` (so it misses the first tab's apply).
  await second.addInitScript(() => {
    const w = window as unknown as { deaf: boolean };
    w.deaf = true;
    const handler = Object.getOwnPropertyDescriptor(BroadcastChannel.prototype, 'onmessage')!;
    Object.defineProperty(BroadcastChannel.prototype, 'onmessage', {
      get: handler.get,
      set(this: BroadcastChannel, listener: ((e: MessageEvent) => void) | null) {
        handler.set!.call(this, listener && ((e: MessageEvent) => void (w.deaf || listener(e))));
      },
    });
  });
  await applyInBothTabs(first, second);

  const conflict = second.getByTestId('data-conflict');
  await expect(conflict).toContainText(
    'Showing theirs keeps this tab’s data one Undo away, in this page only until your next Undo, upload or Reset saves it (leaving asks first).',
  );
  // Until the choice, Undo, Redo and Reset wait: an Undo then left this tab's data in Redo only, in
  // this page, with nothing asking before leaving.
  await expect(conflict).toContainText('Undo, Redo and Reset wait for this choice.');
  for (const id of ['data-undo', 'data-redo', 'data-reset']) await expect(second.getByTestId(id)).toBeDisabled();
  await conflict.getByRole('button', { name: /^Show “plus-one\.csv/ }).click();
  await expect(conflict).toHaveCount(0);
  await expect(marks(second)).toHaveCount(10);
  // The analyst's own choice, not news from another tab.
  await expect(second.getByTestId('data-notice')).toHaveText('');
  await expect(second.getByTestId('data-reset')).toBeEnabled();
  await expect(second.getByTestId('dataset-banner')).toContainText('plus-one.csv');
  await expect(second.getByTestId('data-undo')).toContainText('Undo: back to plus-two.csv');
  const unsaved = second.getByTestId('data-unsaved');
  await expect(unsaved).toContainText('This tab’s “plus-two.csv (uploaded');
  await expect(unsaved).toContainText(
    ')” is kept only in this page: Undo brings it back and saves it in this browser. Leaving the page asks first.',
  );
  // Kept only in this page: leaving asks first.
  await expectAskedOnLeaving(second);

  // Another tab's change (a Reset) shows here too, and this tab's data stays one Undo away.
  await second.evaluate(() => ((window as unknown as { deaf: boolean }).deaf = false));
  await first.getByTestId('data-reset').click();
  await expect(marks(first)).toHaveCount(9);
  await expect(marks(second)).toHaveCount(9);
  await expect(second.getByTestId('data-notice')).toContainText('Another tab changed the data');
  await expect(second.getByTestId('data-undo')).toContainText('Undo: back to plus-two.csv');
  await expect(unsaved).toBeVisible();
  await expectAskedOnLeaving(second);

  // Undo brings it back and stores it (leaving asks until it is): the other tab follows, and a reload shows it.
  await second.evaluate(() => ((window as unknown as { __slowWrites?: number }).__slowWrites = 4000));
  await second.getByTestId('data-undo').click();
  await expect(marks(second)).toHaveCount(11);
  await expect(second.getByTestId('upload')).toHaveAttribute('aria-busy', 'true'); // still saving
  await expectAskedOnLeaving(second);
  await expect(second.getByTestId('upload')).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 }); // saved
  await expect(second.getByTestId('data-conflict')).toHaveCount(0);
  await expect(unsaved).toHaveCount(0);
  await expect(second.getByTestId('data-redo')).toContainText('Redo: published data');
  await expect(marks(first)).toHaveCount(11);
  await expectLeavesWithoutAsking(second);
  await first.reload();
  await expect(marks(first)).toHaveCount(11, KEPT_READ);
  await expect(first.getByTestId('dataset-banner')).toContainText('plus-two.csv');
});

/**
 * Keeps data as the earlier version of the app did (current and previous, no history record):
 * each a dialogues.csv text, or `null` for a record whose file the browser can no longer read
 * (stood in for by a value that is not a Blob).
 */
async function keepAsEarlierVersion(page: Page, kept: { current: string | null; previous?: string | null }) {
  await page.evaluate(async ({ current, previous }) => {
    const files = (text: string | null) => ({
      dialogues: text === null ? { size: 1 } : new Blob([text]),
      venues: new Blob([JSON.stringify({ type: 'FeatureCollection', features: [] })]),
      topics: new Blob(['id,label,theme\n']),
      sources: new Blob(['id,title,publisher,published\ns1,t,,\ns2,t,,\ns3,t,,\n']),
    });
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('dialogue-atlas', 1);
      // As the earlier version made it (this page may not have opened storage yet).
      r.onupgradeneeded = () => r.result.createObjectStore('datasets');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction('datasets', 'readwrite');
    const store = tx.objectStore('datasets');
    store.clear();
    store.put({ files: files(current), label: 'old.csv', savedAt: '2025-01-01T00:00:00Z' }, 'current');
    if (previous !== undefined) {
      store.put({ files: files(previous), label: 'older.csv', savedAt: '2025-01-01T00:00:00Z' }, 'previous');
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, kept);
}

/** The keys in storage and the label each record holds. */
function storedLabels(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('dialogue-atlas', 1);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const store = db.transaction('datasets').objectStore('datasets');
    const [keys, values] = await Promise.all(
      [store.getAllKeys(), store.getAll()].map(
        (r) => new Promise<unknown[]>((resolve) => (r.onsuccess = () => resolve(r.result as unknown[]))),
      ),
    );
    db.close();
    const labels: Record<string, string> = {};
    keys!.forEach((key, i) => (labels[String(key)] = (values![i] as { label?: string }).label ?? '(history)'));
    return labels;
  });
}

test('data kept by the earlier version of the app (current and previous) shows after the update', async ({ page }) => {
  await page.goto('./');
  await expect(marks(page)).toHaveCount(9);
  await keepAsEarlierVersion(page, { current: plusOne, previous: plusOne.split('\n').slice(0, 3).join('\n') });
  await page.reload();
  await expect(marks(page)).toHaveCount(10, KEPT_READ);
  await expect(page.getByTestId('dataset-banner')).toContainText('old.csv');
  await page.getByTestId('data-undo').click();
  await expect(marks(page)).toHaveCount(2);
  await expect(page.getByTestId('upload')).toHaveAttribute('aria-busy', 'false'); // saved
  await page.reload();
  await expect(marks(page)).toHaveCount(2, KEPT_READ);
  await expect(page.getByTestId('data-redo')).toContainText('old.csv');
});

test('data kept here that can no longer be read: the published data shows, the page says why, and what is kept stays', async ({
  page,
}) => {
  await page.goto('./');
  await expect(marks(page)).toHaveCount(9);
  await keepAsEarlierVersion(page, { current: null });
  await page.reload();
  await expect(marks(page)).toHaveCount(9);
  const problem = page.getByTestId('storage-problem');
  await expect(problem).toContainText('“old.csv”, the data applied in this browser before, could not be read');
  await expect(problem).toContainText('The published data is shown. What this browser keeps is left as it is');
  // An upload still applies, for this session, and is not written over what is kept.
  await uploadAndApply(page, 'plus-one.csv', plusOne);
  await expect(marks(page)).toHaveCount(10);
  await expect(page.getByTestId('upload')).toHaveAttribute('aria-busy', 'false');
  expect(await storedLabels(page)).toEqual({ current: 'old.csv' });
});

test('an Undo step that can no longer be read: nothing changes, and the page says so', async ({ page }) => {
  await page.goto('./');
  await expect(marks(page)).toHaveCount(9);
  await keepAsEarlierVersion(page, { current: plusOne, previous: null });
  await page.reload();
  await expect(marks(page)).toHaveCount(10, KEPT_READ);
  await page.getByTestId('data-undo').click();
  await expect(page.getByTestId('data-notice')).toHaveText(
    /^“older.csv” could not be read \(.+\)\. Nothing changed: this tab still shows “old.csv”\.$/,
  );
  await expect(marks(page)).toHaveCount(10);
  await expect(page.getByTestId('dataset-banner')).toContainText('old.csv');
  expect(await storedLabels(page)).toEqual({ current: 'old.csv', previous: 'older.csv' });
});

test('data kept here that is slow to read: the published data shows meanwhile, said so, and the kept data follows', async ({
  page,
}) => {
  await page.goto('./');
  await expect(marks(page)).toHaveCount(9);
  await keepAsEarlierVersion(page, { current: plusOne });
  await page.reload();
  await expect(marks(page)).toHaveCount(10, KEPT_READ); // and the page now knows this browser keeps data
  // Reading the kept dialogues.csv (and no other file) takes four seconds.
  await page.addInitScript((size: number) => {
    const text = Blob.prototype.text;
    Blob.prototype.text = function (this: Blob) {
      if (this.size !== size) return text.call(this);
      return new Promise<void>((resolve) => setTimeout(resolve, 4000)).then(() => text.call(this));
    };
  }, Buffer.byteLength(plusOne));
  await page.reload();
  await expect(marks(page)).toHaveCount(9);
  await expect(page.getByTestId('storage-problem')).toContainText(
    'Reading “old.csv”, the data applied in this browser before, is taking a while. The published data is shown meanwhile.',
  );
  await expect(marks(page)).toHaveCount(10, { timeout: 8000 });
  await expect(page.getByTestId('storage-problem')).toHaveCount(0);
  await expect(page.getByTestId('dataset-banner')).toContainText('old.csv');
  await expect(page.getByTestId('data-notice')).toHaveText(
    'Showing “old.csv”, applied here before, now that it has been read.',
  );
});

test('a disk too full for the history keeps the data shown, with fewer steps back, and says so', async ({ page }) => {
  await page.addInitScript(() => {
    // Any history with a step back does not fit.
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const full = new WeakSet<IDBTransaction>();
    const error = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'error')!;
    Object.defineProperty(IDBTransaction.prototype, 'error', {
      get(this: IDBTransaction) {
        return full.has(this) ? quota : error.get!.call(this);
      },
    });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const request = put.call(this, value, key);
      if (key === 'history' && (value as { undo: string[] }).undo.length > 0) {
        full.add(this.transaction);
        this.transaction.abort();
      }
      return request;
    } as IDBObjectStore['put'];
  });
  await page.goto('./');
  await expect(marks(page)).toHaveCount(9);
  await uploadAndApply(page, 'plus-one.csv', plusOne);
  await expect(marks(page)).toHaveCount(10);
  await expect(page.getByTestId('storage-problem')).toContainText('only the data shown is kept');
  await expect(page.getByTestId('data-undo')).toBeDisabled();
  await page.reload();
  await expect(marks(page)).toHaveCount(10, KEPT_READ);
  await expect(page.getByTestId('dataset-banner')).toContainText('plus-one.csv');
});

test('storage slow at start: the published data shows meanwhile, said so, and the stored data follows', async ({
  page,
}) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('slow-storage')) return;
    // The first open answers after 4 s (past the 2.5 s the page waits before showing the published data).
    const open = indexedDB.open.bind(indexedDB);
    let first = true;
    indexedDB.open = (name: string, version?: number) => {
      if (!first) return open(name, version);
      first = false;
      const fake = {} as Record<string, unknown>;
      setTimeout(() => {
        const real = open(name, version);
        Object.defineProperty(fake, 'result', { get: () => real.result });
        Object.defineProperty(fake, 'error', { get: () => real.error });
        for (const event of ['onupgradeneeded', 'onsuccess', 'onerror', 'onblocked'] as const) {
          real[event] = (e: Event) => (fake[event] as ((e: Event) => void) | undefined)?.(e);
        }
      }, 4000);
      return fake as unknown as IDBOpenDBRequest;
    };
  });
  await page.goto('./');
  await uploadAndApply(page, 'plus-one.csv', plusOne);
  await expect(marks(page)).toHaveCount(10);
  await expect(page.getByTestId('upload')).toHaveAttribute('aria-busy', 'false'); // saved

  await page.evaluate(() => sessionStorage.setItem('slow-storage', '1'));
  await page.reload();
  await expect(page.getByTestId('storage-problem')).toContainText('has not answered yet');
  await expect(marks(page)).toHaveCount(9);
  await expect(marks(page)).toHaveCount(10, { timeout: 10_000 });
  await expect(page.getByTestId('data-notice')).toContainText('storage answered: showing “plus-one.csv');
  await expect(page.getByTestId('storage-problem')).toHaveCount(0);
  await expect(page.getByTestId('data-undo')).toHaveText('Undo: back to published data');
});

test.describe('the data kept here and the published data', () => {
  const colleague = `${bundled.trimEnd()}\nus-2026-01-ct,2026-01,planned,United States,Counterterrorism Dialogue,,,islamabad,counter-terrorism,,,s3,q,s\n`;
  const serve = (page: Page, text: string) =>
    page.route('**/data/dialogues.csv', (route) => route.fulfill({ body: text, contentType: 'text/csv' }));
  const note = (page: Page) => page.getByTestId('publish-note');

  test('says when someone has published other data since, shows how it differs, and says when this data is published', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(marks(page)).toHaveCount(9);
    await uploadAndApply(page, 'plus-one.csv', plusOne);
    await expect(marks(page)).toHaveCount(10);
    await expect(note(page)).toHaveAttribute('data-publication', 'differs');
    await expect(note(page)).toContainText('Only this browser shows this data');
    // Reloaded with the published data unchanged: still only this browser's.
    await page.reload();
    await expect(marks(page)).toHaveCount(10, KEPT_READ);
    await expect(note(page)).toHaveAttribute('data-publication', 'differs');

    // A colleague publishes another meeting: publishing this browser's data now would replace it.
    await serve(page, colleague);
    await page.reload();
    await expect(marks(page)).toHaveCount(10, KEPT_READ);
    await expect(note(page)).toHaveAttribute('data-publication', 'moved');
    await expect(note(page)).toContainText('The published data has changed since this browser last showed it');
    await note(page).getByRole('button', { name: 'See how the published data differs' }).click();
    const diff = page.getByTestId('upload-diff');
    await expect(diff).toBeVisible();
    await expect(diff).toHaveAttribute('data-added', '1'); // the colleague's meeting
    await expect(diff).toHaveAttribute('data-removed', '1'); // this browser's
    await expect(diff).toHaveAttribute('data-changed', '0');
    await expect(marks(page)).toHaveCount(10); // nothing applied

    // This browser's data published (as the package writes it: other bytes, the same content).
    await page.unroute('**/data/dialogues.csv');
    await serve(page, plusOne.replaceAll('\n', '\r\n'));
    await page.reload();
    await expect(marks(page)).toHaveCount(10, KEPT_READ);
    await expect(note(page)).toHaveAttribute('data-publication', 'same');
    await expect(note(page)).toContainText('This data is published');
  });

  test('after a colleague publishes, Undo back to the old published copy names it as published before, and Reset fetches theirs', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(marks(page)).toHaveCount(9);
    await uploadAndApply(page, 'plus-one.csv', plusOne);
    await expect(marks(page)).toHaveCount(10);
    await expect(page.getByTestId('data-undo')).toHaveText('Undo: back to published data');
    await expect(page.getByTestId('upload')).toHaveAttribute('aria-busy', 'false'); // saved

    await serve(page, colleague.replace('us-2026-01-ct', 'us-2026-02-ct').replace('2026-01', '2026-02'));
    await page.reload();
    await expect(marks(page)).toHaveCount(10, KEPT_READ);
    await expect(note(page)).toHaveAttribute('data-publication', 'moved');
    // The step kept as "published data" is no longer what the site publishes.
    const undo = page.getByTestId('data-undo');
    await expect(undo).toHaveText('Undo: back to data published before');
    await undo.click();
    await expect(marks(page)).toHaveCount(9);
    await expect(page.getByTestId('data-shown')).toContainText('data published before');
    await expect(page.getByTestId('data-shown')).not.toContainText('Showing published data');
    await expect(note(page)).toHaveAttribute('data-publication', 'moved');
    // Reset is offered, and brings what the site publishes now.
    await page.getByTestId('data-reset').click();
    await expect(marks(page)).toHaveCount(10);
    await expect(page.getByTestId('data-shown')).toContainText('published data');
    await expect(page.getByTestId('data-reset')).toBeDisabled();
  });
});
