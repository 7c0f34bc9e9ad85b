import { expect, test } from './fixtures';

// A part whose code is loaded later (a hashed chunk in assets/) that cannot be fetched — the site
// was updated since the page opened, so the old file is gone, or the connection dropped — says so
// in its place, with Reload, which works once the file is there again. Never a blank page.
test.describe('a part whose code does not load', () => {
  test('an embed says so, and Reload draws it', async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 360 });
    await page.route('**/assets/SingleView-*.js', (r) => r.abort());
    await page.goto('./#/embed/topics');
    const failed = page.getByTestId('part-failed');
    await expect(failed).toBeVisible();
    await expect(failed).toHaveAttribute('role', 'alert');
    await expect(failed).toContainText('This view could not be loaded.');
    await page.unroute('**/assets/SingleView-*.js');
    await failed.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    await expect(failed).toHaveCount(0);
    // Still the embed: Reload kept the address.
    await expect(page).toHaveURL(/#\/embed\/topics$/);
  });

  test('the timeline says so in its place, and the rest of the dashboard is drawn', async ({ page }) => {
    await page.route('**/assets/CadenceView-*.js', (r) => r.abort());
    await page.goto('./');
    const failed = page.getByTestId('part-failed').filter({ hasText: 'The timeline could not be loaded.' });
    await expect(failed).toBeVisible();
    await expect(failed.getByRole('button', { name: 'Reload' })).toBeVisible();
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    await expect(page.getByTestId('match-count')).toBeVisible();
    // In the timeline's panel, where "Drawing the timeline…" was.
    const panel = page.getByRole('region', { name: 'How regularly they meet' });
    await expect(panel.getByTestId('part-failed')).toHaveText(/The timeline could not be loaded/);
    await expect(panel).not.toContainText('Drawing the timeline');
  });

  test('the filters say so in their place', async ({ page }) => {
    await page.route('**/assets/FilterBar-*.js', (r) => r.abort());
    await page.goto('./');
    const failed = page.getByTestId('part-failed').filter({ hasText: 'The filters could not be loaded.' });
    await expect(failed).toBeVisible();
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    await expect(page.getByTestId('cadence-mark').first()).toBeVisible();
    await page.unroute('**/assets/FilterBar-*.js');
    await failed.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByTestId('match-count')).toBeVisible();
    await expect(page.getByTestId('part-failed')).toHaveCount(0);
  });

  test('data that does not load, with the code that says so, still gives the reason and Reload', async ({ page }) => {
    await page.route('**/data/dialogues.csv', (r) => r.abort());
    await page.route('**/assets/LoadFailed-*.js', (r) => r.abort());
    await page.goto('./');
    await expect(page.getByTestId('dataset-banner')).toHaveText('No data: it could not be loaded.');
    const failed = page.getByTestId('part-failed');
    await expect(failed).toContainText('The data could not be loaded.');
    await expect(failed).toContainText('dialogues.csv');
    await page.unroute('**/data/dialogues.csv');
    await page.unroute('**/assets/LoadFailed-*.js');
    await failed.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    await expect(failed).toHaveCount(0);
  });

  test('a download whose code does not load says so in words, and works once it does', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    await page.route('**/assets/briefing-*.js', (r) => r.abort());
    await page.getByTestId('download-briefing').click();
    const failure = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await expect(failure).toContainText('part of the app could not be loaded. Check the connection and try again');
    await expect(failure).not.toContainText('dynamically imported');
    await expect(failure).not.toContainText('/assets/');
    await page.unroute('**/assets/briefing-*.js');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-briefing').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    await expect(failure).toHaveCount(0);
  });
});
