import { expect, test } from './fixtures';

test('the offline briefing opens from disk with no network and shows the dashboard read-only', async ({
  page,
  browser,
}, info) => {
  await page.goto('./#/?topic=migration');
  await expect(page.getByTestId('venue-marker')).toHaveCount(3);
  const wait = page.waitForEvent('download');
  await page.getByTestId('download-briefing').click();
  const download = await wait;
  // Named and titled by its filters, as the other exports are.
  expect(download.suggestedFilename()).toMatch(/^dialogue-atlas-briefing-migration-\d{4}-\d{2}-\d{2}\.html$/);
  const file = info.outputPath('briefing.html');
  await download.saveAs(file);

  const offline = await browser.newContext({ offline: true });
  const requests: string[] = [];
  offline.on('request', (r) => requests.push(r.url()));
  const errors: string[] = [];
  const view = await offline.newPage();
  view.on('pageerror', (e) => errors.push(e.message));
  view.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await view.goto(`file://${file}`);
  await expect(view.getByTestId('venue-marker')).toHaveCount(3);
  await expect(view).toHaveTitle(/^Dialogue Atlas briefing, \d{4}-\d{2}-\d{2} — Topic: Migration and mobility$/);
  await expect(view.getByTestId('topic-bar')).toHaveCount(20);
  await expect(view.getByTestId('cadence-mark')).toHaveCount(9);
  await expect(view.locator('.basemap-country').first()).toBeAttached();
  await expect(view.getByTestId('dataset-banner')).toContainText('briefing of');
  await expect(view.getByTestId('download-briefing')).toHaveCount(0);
  // It opens in the view and filters it was downloaded from…
  await expect(view.locator('[data-testid="cadence-mark"]:not([data-dimmed])')).toHaveCount(2);
  await expect(view.locator('[data-testid="topic-bar"][data-topic="migration"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // …and filtering still works offline.
  await view.locator('[data-testid="topic-bar"][data-topic="migration"]').click();
  await expect(view.locator('[data-testid="cadence-mark"]:not([data-dimmed])')).toHaveCount(9);
  // An iframe cannot show a file from disk: the Embed popover says so instead of offering a file:// URL.
  await view.getByTestId('cadence-chart').getByRole('button', { name: 'Embed', exact: true }).click();
  await expect(view.getByTestId('cadence-chart').getByTestId('embed-offline')).toContainText(
    'needs the published site',
  );
  await expect(view.getByTestId('embed-code')).toHaveCount(0);
  // The alt text there follows the filters too.
  await view.locator('[data-testid="topic-bar"][data-topic="migration"]').click();
  await view.getByTestId('cadence-chart').getByRole('button', { name: 'Alt text' }).click();
  await expect(view.getByTestId('cadence-chart').getByTestId('alt-text')).toContainText('Timeline of 2 meetings');
  // Slides can be made offline too (pptxgenjs is inside the file).
  const deck = view.waitForEvent('download');
  await view.getByTestId('export-pptx').click();
  // Dated by this page's own clock (not the test's day): the offline context keeps the real one.
  expect((await deck).suggestedFilename()).toMatch(/^dialogue-atlas-slides-migration-16x9-\d{4}-\d{2}-\d{2}\.pptx$/);
  expect(requests.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
  expect(errors).toEqual([]);
  await offline.close();
});

test.describe('in Islamabad at 01:30, still the day before in UTC', () => {
  test.use({ timezoneId: 'Asia/Karachi', today: new Date('2026-11-21T20:30:00Z') });
  test('a briefing is named and titled by the day where it was made', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('venue-marker')).toHaveCount(3);
    const wait = page.waitForEvent('download');
    await page.getByTestId('download-briefing').click();
    const download = await wait;
    expect(download.suggestedFilename()).toBe('dialogue-atlas-briefing-2026-11-22.html');
  });
});
