import { readFileSync, writeFileSync } from 'node:fs';
import { generateDataset } from '../../scripts/bench/generate-data.js';
import { expect, test, uploadIslamabadThousands } from './fixtures';

// Thousands of meetings and hundreds of venues: the timeline becomes density strips, the map canvas circles.
const data = generateDataset({ meetings: 4000, venues: 600, partners: 6, topics: 15, seed: 3 });
const files: Record<string, string> = {
  'dialogues.csv': data.dialogues,
  'venues.geojson': data.venues,
  'topics.csv': data.topics,
  'sources.csv': data.sources,
};

test('many meetings and venues: density timeline, canvas map, filters still work', async ({ page, consoleErrors }) => {
  await page.route('**/data/*', (route) =>
    route.fulfill({ body: files[new URL(route.request().url()).pathname.split('/').pop() ?? ''] ?? '' }),
  );
  await page.goto('./');
  const cadence = page.getByTestId('cadence-chart');
  await expect(cadence.locator('[data-mode="density"]')).toBeVisible();
  await expect(cadence.locator('.dense-note')).toContainText('4,000 meetings');
  await cadence.getByRole('button', { name: 'Alt text' }).click();
  await expect(cadence.getByTestId('alt-text')).toContainText('Timeline of 4,000 meetings');
  await expect(page.getByTestId('cadence-mark')).toHaveCount(0);
  await expect(page.locator('.venue-map canvas').first()).toBeAttached();
  await expect(page.getByTestId('topic-bar')).toHaveCount(15);

  // The strip has coloured pixels, and a filter changes them.
  const inked = () =>
    cadence
      .locator('canvas')
      .last()
      .evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
        return n;
      });
  expect(await inked()).toBe(0); // the foreground holds only filtered meetings
  await page.locator('[data-testid="topic-bar"]').first().click();
  await expect.poll(inked).toBeGreaterThan(0);
  const count = await page.locator('.count strong').textContent();
  expect(Number(count?.replace(/,/g, ''))).toBeGreaterThan(100);
  expect(consoleErrors).toEqual([]);
});

test('the density strips’ ghost follows a theme picked while filtering', async ({ page, consoleErrors }) => {
  await page.route('**/data/*', (route) =>
    route.fulfill({ body: files[new URL(route.request().url()).pathname.split('/').pop() ?? ''] ?? '' }),
  );
  await page.goto('./#/?status=planned');
  const background = page.getByTestId('cadence-chart').locator('canvas.density').first();
  await expect(background).toBeVisible();
  // Whether the background canvas's most common opaque colour is the ghost's colour as CSS gives it now
  // (each channel within 2: the canvas keeps translucent pixels premultiplied, so they read back rounded).
  const ghost = () =>
    background.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Map<string, number>();
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3]! < 200) continue;
        const key = `${d[i]},${d[i + 1]},${d[i + 2]}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      const painted = ([...seen].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '').split(',').map(Number);
      const css = getComputedStyle(c).color;
      const wanted = (css.match(/\d+/g) ?? []).map(Number);
      return { css, matches: painted.length === 3 && painted.every((v, k) => Math.abs(v - wanted[k]!) <= 2) };
    });
  await expect.poll(async () => (await ghost()).matches).toBe(true);
  const light = (await ghost()).css;
  await page.getByTestId('theme-toggle').selectOption('dark');
  await expect.poll(async () => (await ghost()).css).not.toBe(light);
  await expect.poll(async () => (await ghost()).matches).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('a large upload applied: a linked meeting’s details, the download and Undo read the same meetings', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('./');
  await expect(page.getByTestId('cadence-mark')).toHaveCount(9);
  // 4,000 new meetings: the upload's worker hands Apply the dataset packed; the page makes a meeting only when one is read.
  await page
    .getByTestId('upload')
    .locator('input[type=file]')
    .setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(data.dialogues, 'utf8') });
  await page.getByTestId('upload-apply').click();
  await expect(page.getByTestId('upload-confirm')).toContainText('removes all 9 meetings');
  await page.getByTestId('upload-apply').click();
  const cadence = page.getByTestId('cadence-chart');
  await expect(cadence.locator('.dense-note')).toContainText('4,000 meetings');

  // A meeting named in a link opens with its own record.
  const row = data.dialogues.split('\n').find((l) => l.startsWith('m1234,'))!;
  const date = row.split(',')[1]!;
  await page.goto('./#/?meeting=m1234');
  await expect(cadence.locator('.dense-note')).toContainText('4,000 meetings');
  const details = page.getByTestId('meeting-details');
  await expect(details).toContainText('A summary of the meeting, with a comma, and "quotes".');
  // As the details panel writes a day's date: "7 Jul 2005".
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  await expect(details).toContainText(`${d} ${month} ${y}`);

  // The download writes every meeting, as uploaded: 4,000 are written in a worker (prepare-download.ts), byte
  // for byte the file the page writes (LF line ends, as data/ holds them; the generator's values need no change).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('data-download').click()]);
  const written = readFileSync((await download.path())!, 'utf8');
  expect(written).toBe(`\uFEFF${data.dialogues.replaceAll('\r\n', '\n')}\n`); // after a BOM, for Excel

  // Undo brings the published meetings back; Redo the uploaded ones.
  await page.getByTestId('data-undo').click();
  await expect(page.getByTestId('cadence-mark')).toHaveCount(9);
  await page.getByTestId('data-redo').click();
  await expect(cadence.locator('.dense-note')).toContainText('4,000 meetings');
  expect(consoleErrors).toEqual([]);
});

test('a large download that cannot be made says why in words, and the button can be pressed again', async ({
  page,
}) => {
  // The worker that writes large downloads does not load (a deploy that lost it, a proxy that blocks it).
  await page.route(/\/assets\/data-files\.worker-[^/]*\.js$/, (route) => route.abort());
  await page.goto('./');
  await expect(page.getByTestId('cadence-mark')).toHaveCount(9);
  await page
    .getByTestId('upload')
    .locator('input[type=file]')
    .setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(data.dialogues, 'utf8') });
  await page.getByTestId('upload-apply').click();
  await page.getByTestId('upload-apply').click();
  await expect(page.getByTestId('cadence-chart').locator('.dense-note')).toContainText('4,000 meetings');
  const button = page.getByTestId('data-download');
  await button.click();
  await expect(page.getByTestId('upload').getByRole('alert')).toHaveText(
    'dialogues.csv could not be made: the worker writing it stopped.',
  );
  await expect(button).toHaveText('dialogues.csv');
  await expect(button).not.toHaveAttribute('aria-disabled');
  await expect(button).not.toHaveAttribute('aria-busy');
});

test.describe('counting long tasks: alone, on the real clock', { tag: '@alone' }, () => {
  test.use({ today: null }); // the date plays no part; see fixtures.ts
  test('downloading 200,000 meetings: written in a worker, the page stays free, the button says so, the same file', async ({
    page,
    consoleErrors,
  }, info) => {
    test.setTimeout(180_000);
    await page.goto('./');
    await expect(page.getByTestId('cadence-mark')).toHaveCount(9);
    const big = generateDataset({ meetings: 200_000, venues: 300, seed: 5, newline: '\n' }).dialogues;
    const path = info.outputPath('big.csv');
    writeFileSync(path, big);
    await page.getByTestId('upload').locator('input[type=file]').setInputFiles(path);
    await expect(page.getByTestId('upload-diff')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('upload-apply').click();
    await expect(page.getByTestId('upload-confirm')).toContainText('removes all 9 meetings');
    await page.getByTestId('upload-apply').click();
    await expect(page.locator('.stats dd').first()).toHaveText('200,000', { timeout: 60_000 });
    await expect(page.getByTestId('upload')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 }); // saved

    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({
        type: 'longtask',
      });
    });
    const button = page.getByTestId('data-download');
    const wait = page.waitForEvent('download', { timeout: 90_000 });
    await button.click();
    // Written on the page, 200,000 rows held it for 2–5 s in one task, with no word on the button.
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await expect(button).toHaveText(/^Preparing…/);
    // A second press while it is made is not a second file (a click Playwright would hold until the
    // button is no longer aria-disabled, so dispatched).
    await button.dispatchEvent('click');
    const download = await wait;
    await expect(button).toHaveText('dialogues.csv');
    await expect(button).not.toHaveAttribute('aria-busy');
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    expect(Math.max(0, ...longTasks)).toBeLessThan(200);
    // Byte for byte what the page wrote before: PapaParse's, LF line ends, after a BOM (for Excel).
    expect(readFileSync((await download.path())!, 'utf8')).toBe(`\uFEFF${big}\n`);
    expect(downloads).toEqual(['dialogues.csv']);
    expect(consoleErrors).toEqual([]);
  });
});

test('a venue with over a thousand meetings: its marker and the cadence table count them with separators', async ({
  page,
  consoleErrors,
}) => {
  // The published meetings, and 1,200 more in Islamabad: China's rounds 101 to 1,300 held, a day apart.
  await page.goto('./');
  await expect(page.getByTestId('cadence-mark')).toHaveCount(9);
  await uploadIslamabadThousands(page);
  await page.getByTestId('upload-apply').click();
  const islamabad = page.locator('[data-venue-id="islamabad"]');
  // The count is drawn by CSS from data-count (the marker's name says it in words).
  await expect(islamabad.locator('.venue-count')).toHaveAttribute('data-count', '1,203');
  await expect(islamabad).toHaveAttribute(
    'aria-label',
    'Islamabad, Pakistan: 1,203 meetings, 1,202 held and 1 planned',
  );
  // Rounds held up to 1,300, of which 1,200 are listed; the rounds' own numbers stay as written.
  const row = page.getByTestId('cadence-insights').locator('tr', { hasText: 'Test Dialogue' });
  await expect(row.locator('td').first()).toHaveText('1,200 listed · 1,300 by round number');
  expect(consoleErrors).toEqual([]);
});
