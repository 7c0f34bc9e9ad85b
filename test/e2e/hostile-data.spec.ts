import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const header = readFileSync('data/dialogues.csv', 'utf8').split('\n')[0];

test('markup in the data is shown as text and never runs', async ({ page, consoleErrors }) => {
  const row = `x1,2025-07-17,held,"<img src=x onerror=""window.__pwned=1"">",<script>window.__pwned=2</script>,1,,islamabad,<b>bold</b>,,,s1,q,s`;
  await page.route('**/data/dialogues.csv', (route) =>
    route.fulfill({ contentType: 'text/csv', body: `${header}\n${row}\n` }),
  );
  await page.goto('./');
  await expect(page.getByTestId('cadence-mark')).toHaveCount(1);
  await expect(page.getByTestId('topic-chart')).toContainText('<b>bold</b>');
  await page.locator('[data-venue-id="islamabad"]').click();
  await expect(page.locator('.venue-popup')).toContainText('<img src=x onerror="window.__pwned=1">');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
  // The unknown topic is a warning, listed for the analyst.
  await expect(page.getByTestId('data-problems')).toContainText('Unknown topic');
  expect(consoleErrors).toEqual([]);
});

test('a bad row is reported with its line and column, and the rest still show', async ({ page }) => {
  const good = readFileSync('data/dialogues.csv', 'utf8').trimEnd().split('\n');
  const bad = 'bad-1,2025-02-30,held,European Union,Strategic Dialogue,1,,brussels,migration,,,s1,q,s';
  await page.route('**/data/dialogues.csv', (route) =>
    route.fulfill({ contentType: 'text/csv', body: [...good, bad].join('\n') }),
  );
  await page.goto('./');
  await expect(page.getByTestId('cadence-mark')).toHaveCount(good.length - 1);
  const problems = page.getByTestId('data-problems');
  await problems.locator('summary').click();
  await expect(problems).toContainText(`dialogues.csv, line ${good.length + 1}, column “date”`);
  await expect(problems).toContainText('2025-02-30');
});

test('a missing data file gives a message and a retry, not a blank page', async ({ page }) => {
  await page.route('**/data/topics.csv', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not load topics.csv');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
