import { expect, test } from '@playwright/test';
import { omniboxPopupFeatures, playwrightDisabledFeatures } from '../../scripts/chromium.js';

// The browser every other test drives. Chromium keeps only the last --disable-features it is given,
// and scripts/chromium.js passes one after Playwright's own: it must repeat Playwright's list (which
// keeps this offline machine from calling google.com at start) and leave out the omnibox popup
// that cost a third of the suite's time.
test('the tests’ Chromium keeps Playwright’s own disabled features and loads no omnibox popup beside the page', async ({
  browser,
  page,
}) => {
  await page.goto('chrome://version');
  const commandLine = (await page.locator('#command_line').textContent()) ?? '';
  const lists = [...commandLine.matchAll(/--disable-features=(\S+)/g)].map((m) => m[1]!.split(','));
  expect(lists.length, commandLine).toBeGreaterThanOrEqual(1);
  const inEffect = lists.at(-1)!;
  const dropped = lists.flat().filter((f) => !inEffect.includes(f));
  expect(dropped, 'add these to playwrightDisabledFeatures in scripts/chromium.js').toEqual([]);
  expect(inEffect).toEqual(expect.arrayContaining([...playwrightDisabledFeatures, ...omniboxPopupFeatures]));

  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  expect(targetInfos.map((t) => t.url).filter((url) => url.startsWith('chrome://omnibox'))).toEqual([]);
});
