import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.js';

const port = Number(process.env.PREVIEW_PORT ?? 4173);

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  // Two browsers share CI's two cores: a page load there has twice taken over 5 s (the default) to
  // show its data. A check still fails when its condition is not met; it only waits longer first.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    viewport: { width: 1280, height: 900 },
    trace: 'off',
  },
  projects: [
    { name: 'e2e', grepInvert: /@alone/ },
    // Tests that count the page's long tasks run after the rest, one at a time: on two cores a
    // test beside them stretches the page's tasks and makes the count a coin toss. One worker: with
    // two, tests in different files still ran side by side (CI: a 200,000-meeting download in one
    // browser while the other counted a 264 ms task, against 57–82 ms alone).
    { name: 'alone', grep: /@alone/, dependencies: ['e2e'], fullyParallel: false, workers: 1 },
  ],
  // Tests run against the production build (npm run build first; npm test does).
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
