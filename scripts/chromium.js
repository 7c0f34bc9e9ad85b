// How the tests and scripts start Chromium: Debian's build unless CHROMIUM_PATH names another.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Features Playwright 1.65 switches off itself (its `chromiumSwitches.ts`): among them the requests
 * to google.com at start, which this offline machine must not make, and paint holding. Chromium
 * keeps only the last `--disable-features` it is given, so ours (below) repeats them;
 * test/e2e/harness.spec.ts fails, naming what to add, when a Playwright update changes the list.
 */
export const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chromium 156 loads its address bar's popup, two WebUI pages (chrome://omnibox-popup.top-chrome),
 * in a renderer of its own beside every new tab, headless too: about 2 s of CPU a tab, more than
 * the dashboard itself takes to load. On two cores that slowed every test (a third of the suite's
 * time) and every benchmark's page; no page here has an address bar.
 */
export const omniboxPopupFeatures = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** Flags for a root, offline, headless machine: no sandbox, no GPU, no background traffic. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...playwrightDisabledFeatures, ...omniboxPopupFeatures].join(',')}`,
];
