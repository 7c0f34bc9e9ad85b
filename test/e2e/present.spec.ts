import type { Download, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { contrastRatio } from '../../src/lib/export/contrast';
import { SLIDE_THEMES } from '../../src/lib/export/themes';
import { applyAllNewFivePartners, expect, test } from './fixtures';

async function saved(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const wait = page.waitForEvent('download');
  await click();
  const download: Download = await wait;
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path!) };
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
/** The size a PNG is placed at in a slide, in inches, from its pHYs chunk (right after IHDR), or null without one. */
const placedInches = (png: Buffer) =>
  png.toString('latin1', 37, 41) === 'pHYs' && png[49] === 1
    ? {
        width: +((pngSize(png).width / png.readUInt32BE(41)) * 39.3701).toFixed(2),
        height: +((pngSize(png).height / png.readUInt32BE(45)) * 39.3701).toFixed(2),
      }
    : null;

/** The track names a timeline picture writes beside its lanes, each a line or two (tspans) joined by a space. */
const trackNames = (svg: string) =>
  [...svg.matchAll(/<text x="16"[^>]*font-size="12px">([\s\S]*?)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/<title>[\s\S]*?<\/title>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );

test.describe('export', () => {
  for (const [container, view] of [
    ['topic-chart', 'topics'],
    ['cadence-chart', 'cadence'],
    ['venue-map', 'map'],
  ] as const) {
    test(`${view}: a self-contained SVG slide with title, filters, legend, source and alt text`, async ({
      page,
      consoleErrors,
    }) => {
      await page.goto('./#/?partner=United%20States');
      await expect(page.getByTestId('venue-marker')).toHaveCount(3);
      const { name, bytes } = await saved(page, () => page.getByTestId(container).getByTestId('export-svg').click());
      expect(name).toBe(`dialogue-atlas-${view}-united-states-16x9.svg`);
      const svg = bytes.toString('utf8');
      expect(svg).not.toMatch(/<script|foreignObject|<style|url\(|(?:src|href)="https?:/i);
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          title: doc.querySelector('svg > title')?.textContent,
          desc: doc.querySelector('svg > desc')?.textContent,
          texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
          // Weights as slide programs read them: LibreOffice draws 650 (the page's partner headings) regular.
          weights: [...doc.querySelectorAll('text')].map((t) => [t.textContent, t.getAttribute('font-weight')]),
          // Text painted with a stroke and no plain copy over it: slide software ignores paint-order,
          // so a halo drawn on the text itself would hide the letters.
          strokedTexts: [...doc.querySelectorAll('text[stroke], tspan[stroke]')]
            .filter(
              (t) =>
                !(t.nextElementSibling?.textContent === t.textContent && !t.nextElementSibling?.hasAttribute('stroke')),
            )
            .map((t) => t.textContent),
          // Labels a rule runs through, measured with the slide drawn on the page (the page's halo
          // keeps rules out of the words; a slide program ignores halos, so the export cuts the rule).
          crossed: (() => {
            const host = document.body.appendChild(document.createElement('div'));
            host.append(document.importNode(doc.documentElement, true));
            const lines = [...host.querySelectorAll('line')].map((l) => l.getBoundingClientRect());
            const hits = [...host.querySelectorAll('text')]
              .filter((t) => {
                const r = t.getBoundingClientRect();
                return lines.some(
                  (q) => q.left < r.right - 1 && q.right > r.left + 1 && q.top < r.bottom - 1 && q.bottom > r.top + 1,
                );
              })
              .map((t) => t.textContent!.trim());
            host.remove();
            return hits;
          })(),
        };
      }, svg);
      expect(parsed.strokedTexts).toEqual([]);
      // The lane's rule and the "today" line (21 Nov 2026) would run through the word beside the US
      // track's diamond ("overdue": expected in October). An interval ("15 mo") has no halo: a year's grid line crosses it on the page too.
      expect(parsed.crossed.filter((t) => !/^\d+ mo$/.test(t))).toEqual([]);
      if (view === 'cadence') expect(parsed.texts.join(' | ')).toContain('Counterterrorism');
      for (const [, weight] of parsed.weights) expect(weight ?? '400').toMatch(/^[1-9]00$/);
      // The partner's heading over its tracks (after the legend's "United States") is bold.
      if (view === 'cadence') expect(parsed.weights.filter(([t]) => t === 'United States')[1]?.[1]).toBe('700');
      // Only what the filters keep: the other partners' tracks are not drawn, nor named in the legend.
      if (view !== 'map') {
        expect(parsed.texts).toContain('United States');
        expect(parsed.texts.join(' | ')).not.toMatch(/European Union|Afghanistan|Bilateral Dialogue|Secretary-level/);
      }
      if (view !== 'cadence') expect(parsed.texts).toContain('not matching the filters');
      expect(parsed.error).toBeNull();
      expect(parsed.title).toMatch(/Pakistan’s security dialogues/);
      expect(parsed.desc!.length).toBeGreaterThan(40);
      // The filters; on a map, how many of the meetings shown it cannot place (no venue named) on a line of its own.
      expect(parsed.texts).toContain('Partner: United States');
      expect(parsed.texts.includes('2 of 3 meetings name no venue and are not on the map')).toBe(view === 'map');
      expect(
        parsed.texts.some((t) => t?.startsWith('Source: Dialogue Atlas, published data, from 3 sources; data as of')),
      ).toBe(true);
      // A map draws Natural Earth's country shapes, and says so as the live map does.
      expect(parsed.texts.some((t) => t?.endsWith(' · Country shapes: Natural Earth'))).toBe(view === 'map');
      await page.getByTestId(container).getByRole('button', { name: 'Alt text' }).click();
      const alt = await page.getByTestId(container).getByTestId('alt-text').textContent();
      expect(parsed.desc).toBe(alt);
      // The text alternative names the filter, as the subtitle does.
      expect(alt).toMatch(/^Filtered to partner United States\. /);
      expect(consoleErrors).toEqual([]);
    });
  }

  test('a filtered timeline slide explains its faded marks; the deck draws one track as wide as the slide allows', async ({
    page,
  }) => {
    await page.goto('./#/?partner=United%20States&from=2024-01');
    await expect(page.locator('[data-testid="cadence-mark"]:not([data-dimmed])')).toHaveCount(2);
    const { bytes } = await saved(page, () => page.getByTestId('cadence-chart').getByTestId('export-svg').click());
    const svg = bytes.toString('utf8');
    expect(svg).toContain('>not matching the filters</text>');
    // The legend keys the marks drawn: month-wide rounds, and no "planned" (the track has no planned round).
    expect(svg).toContain('>date known to the month or year</text>');
    expect(svg).toContain('>held</text>');
    expect(svg).not.toContain('>planned</text>');
    // The brackets over the held meetings, with the months between them, as the page keys them.
    expect(svg).toContain('>interval between held meetings</text>');
    const deck = unzipSync((await saved(page, () => page.getByTestId('export-pptx').click())).bytes);
    // The timeline's picture (slide 3): its SVG is drawn at twice its size; the layout keeps names
    // beside lanes (560 px or more), not the phone's names-above layout grown.
    const svgs = Object.keys(deck).filter((n) => /^ppt\/media\/.*\.svg$/.test(n));
    const widths = svgs.map((n) => Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(strFromU8(deck[n]!))![1]));
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(2 * 560);
  });

  test('the deck’s timeline names each partner over its tracks and shows the intervals, as the SVG slide does', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByTestId('cadence-mark')).toHaveCount(9);
    const deck = unzipSync((await saved(page, () => page.getByTestId('export-pptx').click())).bytes);
    const timeline = Object.keys(deck)
      .filter((n) => /^ppt\/media\/.*\.svg$/.test(n))
      .map((n) => strFromU8(deck[n]!))
      .find((svg) => svg.includes('Counterterrorism Dialogue'))!;
    for (const heading of ['Afghanistan', 'European Union', 'United States', '14 mo', '15 mo']) {
      expect(timeline).toContain(`>${heading}</text>`);
    }
  });

  test('the default 16:9 deck’s timeline of every track draws all six, with the overdue rounds, on PowerPoint’s widescreen slide', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByTestId('cadence-mark')).toHaveCount(9);
    const deck = unzipSync((await saved(page, () => page.getByTestId('export-pptx').click())).bytes);
    expect(strFromU8(deck['ppt/presentation.xml']!)).toContain('<p:sldSz cx="12192000" cy="6858000"');
    const slide = strFromU8(deck['ppt/slides/slide3.xml']!);
    const rels = strFromU8(deck['ppt/slides/_rels/slide3.xml.rels']!);
    const picture = strFromU8(deck[`ppt/media/${/Target="\.\.\/media\/([^"]+\.svg)"/.exec(rels)![1]}`]!);
    const names = trackNames(picture);
    expect(names).toHaveLength(6);
    expect(slide).not.toContain(' of 6 tracks');
    expect(slide).toMatch(/descr="Timeline of 9 meetings in 6 tracks[^"]* 2 planned rounds are overdue\./);
    expect(picture.match(/>overdue<\/text>/g)?.length).toBeGreaterThanOrEqual(2);
    // Every slide's heading is its title (PowerPoint's title placeholder), not a text box: map, topics, the timeline and a slide per partner, sources.
    const titles = Object.keys(deck)
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
      .map((n) => /<p:ph type="title"\/>.*?<a:t>([^<]*)<\/a:t>/s.exec(strFromU8(deck[n]!))?.[1]);
    expect(titles).toEqual([
      'Where Pakistan’s security dialogues meet',
      'What Pakistan’s security dialogues discuss',
      ...Array<string>(4).fill('How regularly Pakistan’s security dialogues meet'),
      'Sources',
    ]);
  });

  test('the deck’s slide of one partner grows its timeline as the SVG slide of that partner does, not left at the all-tracks size', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByTestId('cadence-mark')).toHaveCount(9);
    const deck = unzipSync((await saved(page, () => page.getByTestId('export-pptx').click())).bytes);
    /** A track's name (12 px in the picture) in points on the slide, on the slide whose filters start "<partner>:". */
    const deckNamePt = (partner: string) => {
      const n = Object.keys(deck)
        .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
        .find((f) => strFromU8(deck[f]!).includes(`<a:t>${partner}: All meetings</a:t>`))!;
      const slide = strFromU8(deck[n]!);
      const rels = strFromU8(deck[n.replace('slides/', 'slides/_rels/') + '.rels']!);
      const picture = strFromU8(deck[`ppt/media/${/Target="\.\.\/media\/([^"]+\.svg)"/.exec(rels)![1]}`]!);
      const placed = Number(/<p:pic>[\s\S]*?<a:ext cx="(\d+)"/.exec(slide)![1]) / 12700;
      return (12 * placed) / Number(/viewBox="0 0 ([\d.]+)/.exec(picture)![1]);
    };
    for (const partner of ['Afghanistan', 'United States']) {
      await page.goto(`./#/?partner=${encodeURIComponent(partner)}`);
      await expect(page.locator('[data-testid="cadence-mark"]:not([data-dimmed])').first()).toBeVisible();
      const svg = (
        await saved(page, () => page.getByTestId('cadence-chart').getByTestId('export-svg').click())
      ).bytes.toString('utf8');
      // The SVG slide, 1920 px across PowerPoint's 13.333 in (960 pt), scales the chart by k.
      const k = Number(/<g transform="translate\([^)]*\) scale\(([\d.]+)\)">/.exec(svg)?.[1] ?? 1);
      const exportPt = (12 * k * 960) / 1920;
      // One track, grown about 3×: about 18 pt in either (it was 13.5 pt in the deck, 60% of the slide blank).
      expect(exportPt, partner).toBeGreaterThan(16);
      expect(deckNamePt(partner) / exportPt, partner).toBeCloseTo(1, 1);
    }
  });

  test('the deck’s timeline of every track draws as many as read at 9 pt or more; the partners’ slides after it draw every one', async ({
    page,
  }) => {
    // An upload, then a deck of nine slides.
    test.slow();
    await page.goto('./');
    await expect(page.getByTestId('cadence-mark')).toHaveCount(9);
    await applyAllNewFivePartners(page);
    const deck = unzipSync((await saved(page, () => page.getByTestId('export-pptx').click())).bytes);
    const slide = (n: number) => strFromU8(deck[`ppt/slides/slide${n}.xml`]!);
    const picture = (n: number) => {
      const rels = strFromU8(deck[`ppt/slides/_rels/slide${n}.xml.rels`]!);
      return strFromU8(deck[`ppt/media/${/Target="\.\.\/media\/([^"]+\.svg)"/.exec(rels)![1]}`]!);
    };
    // A track's name is 12 px in the picture, placed `cx` EMU (12,700 to the point) across its viewBox.
    const namePt = (n: number) =>
      (12 * Number(/<p:pic>[\s\S]*?<a:ext cx="(\d+)"/.exec(slide(n))![1])) /
      12700 /
      Number(/viewBox="0 0 ([\d.]+)/.exec(picture(n))![1]);
    // Every one of the nine tracks on it left their names at about 5 pt.
    expect(namePt(3)).toBeGreaterThanOrEqual(9);
    // On the widescreen slide, 6 of them: the 3 past their usual interval first, then the busiest.
    expect(slide(3)).toContain(
      '6 of 9 tracks, those overdue, then the busiest; all 9 on the partners’ slides that follow',
    );
    // Its alt text still says what is overdue across all nine.
    expect(slide(3)).toMatch(
      /descr="[^"]* Across all 9 tracks: 3 tracks have gone longer than usual without meeting\."/,
    );
    const names = trackNames;
    expect(names(picture(3))).toHaveLength(6);
    // Slides 4 to 8: a partner each, every track of theirs.
    const all = [4, 5, 6, 7, 8].flatMap((n) => names(picture(n)));
    expect(new Set(all).size).toBe(9);
    for (const name of names(picture(3))) expect(all).toContain(name);
  });

  test('filters that match no meeting: the timeline slide says so, and the deck is still made', async ({ page }) => {
    await page.goto('./#/?partner=Afghanistan&topic=migration');
    await expect(page.locator('[data-testid="cadence-mark"]:not([data-dimmed])')).toHaveCount(0);
    await expect(page.getByTestId('cadence-mark').first()).toBeAttached();
    const { bytes } = await saved(page, () => page.getByTestId('cadence-chart').getByTestId('export-svg').click());
    const svg = bytes.toString('utf8');
    expect(svg).toContain('>No meetings match these filters.</text>');
    expect(svg).toContain('Partner: Afghanistan');
    const deck = unzipSync((await saved(page, () => page.getByTestId('export-pptx').click())).bytes);
    const slides = Object.keys(deck).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides).toHaveLength(4); // the three views, then the sources
    // Each view's notes and alt text say no meeting matches, not that the data has no venues or topics.
    const notes = Object.keys(deck)
      .filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
      .map((n) => strFromU8(deck[n]!));
    expect(notes).toHaveLength(4);
    expect(notes[3]).toContain('Strengthening Pakistan EU Security Cooperation');
    for (const xml of notes.slice(0, 3)) {
      expect(xml).toContain('no meetings match these filters.');
      expect(xml).not.toMatch(/Map with no venues|No meeting in the data lists a topic/);
    }
    await page.getByTestId('topic-chart').getByRole('button', { name: 'Alt text' }).click();
    await expect(page.getByTestId('topic-chart').getByTestId('alt-text')).toHaveText(
      'Filtered to partner Afghanistan; topic Migration and mobility. What Pakistan’s security dialogues discuss: no meetings match these filters.',
    );
    // The topics slide says so too, rather than drawing every bar grey ("0/5"), and keys nothing.
    const topics = (await saved(page, () => page.getByTestId('topic-chart').getByTestId('export-svg').click())).bytes;
    expect(topics.toString('utf8')).toContain('>No meetings match these filters.</text>');
    expect(topics.toString('utf8')).not.toMatch(/not matching the filters|>0\/\d/);
    // So does the topics embed, as its timeline does.
    await page.goto('./#/embed/topics?partner=Afghanistan&topic=migration');
    await expect(page.getByTestId('topic-chart')).toContainText('No meetings match these filters.');
    await expect(page.getByTestId('topic-chart').locator('svg')).toHaveCount(0);
  });

  test('under a period filter, the next expected meeting outside the period is faded, on the page and the slide', async ({
    page,
  }) => {
    await page.goto('./#/?from=2025-01&to=2025-12');
    // The US track is expected in November 2026, past the period: faded as the meetings outside it are.
    await expect(page.getByTestId('cadence-expected')).toHaveAttribute('data-dimmed', 'true');
    const { bytes } = await saved(page, () => page.getByTestId('cadence-chart').getByTestId('export-svg').click());
    // Faded, its "overdue" is left off the slide: only the two planned EU rounds of 2025 say it.
    expect(bytes.toString('utf8').match(/>overdue<\/text>/g)).toHaveLength(2);
    // From 2023 on, the US track's meetings and its expected one are all in the period.
    await page.goto('./#/?from=2023-01');
    await expect(page.getByTestId('cadence-expected')).not.toHaveAttribute('data-dimmed');
  });

  test('a transparent timeline slide leaves planned rounds hollow, not filled with the page’s white', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByTestId('cadence-mark')).toHaveCount(9);
    const tools = page.getByTestId('cadence-chart').getByRole('toolbar');
    await tools.getByRole('button', { name: 'Slide' }).click();
    await tools.getByLabel('Transparent', { exact: true }).check();
    const { bytes } = await saved(page, () => page.getByTestId('cadence-chart').getByTestId('export-svg').click());
    const svg = bytes.toString('utf8');
    const planned = svg.match(/<rect[^>]*stroke-dasharray[^>]*>/g)!;
    expect(planned.length).toBeGreaterThanOrEqual(3); // the EU's rounds known to the year
    for (const mark of planned) expect(mark).toContain('fill="none"');
    expect(svg).not.toMatch(/fill="(rgb\(255, 255, 255\)|#fff(fff)?)"/);
    // No white halo round the labels either: on a coloured template it would be a white outline.
    expect(svg).not.toMatch(/stroke="(rgb\(255, 255, 255\)|#fff(fff)?)"/);
  });

  test('a download started by keyboard keeps the focus on its button while it is made and after', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    for (const [button, file] of [
      [page.getByTestId('topic-chart').getByTestId('export-png'), 'dialogue-atlas-topics-16x9.png'],
      [page.getByTestId('download-briefing'), /^dialogue-atlas-briefing-/],
      [page.getByTestId('download-package'), 'dialogue-atlas-data-2026-11-21.zip'],
    ] as const) {
      await button.focus();
      // Whether focus ever left the button while the file was made (a disabled button drops it to <body>).
      await button.evaluate((b) => {
        (window as unknown as { leftFocus: boolean }).leftFocus = false;
        b.addEventListener('blur', () => ((window as unknown as { leftFocus: boolean }).leftFocus = true), {
          once: true,
        });
      });
      const { name } = await saved(page, () => page.keyboard.press('Enter'));
      expect(name).toMatch(file);
      await expect(button).not.toHaveAttribute('aria-disabled');
      await expect(button).toBeFocused();
      expect(await page.evaluate(() => (window as unknown as { leftFocus: boolean }).leftFocus)).toBe(false);
    }
  });

  test('PNG under many filters: the file name keeps the status and the period readable, not a fingerprint', async ({
    page,
  }) => {
    await page.goto(
      './#/?status=held&partner=United+States&topic=counter-terrorism&topic=intelligence-sharing&from=2023',
    );
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    const { name } = await saved(page, () => page.getByTestId('topic-chart').getByTestId('export-png').click());
    expect(name).toBe(
      'dialogue-atlas-topics-united-states-counter-terrorism-intelligence-sharing-held-from-2023-16x9.png',
    );
  });

  test('PNG presets: 16:9 1× is 1920×1080; 4:3 2× is 2880×2160, transparent and dark when asked', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    const first = await saved(page, () => page.getByTestId('topic-chart').getByTestId('export-png').click());
    expect(first.name).toBe('dialogue-atlas-topics-16x9.png');
    expect(pngSize(first.bytes)).toEqual({ width: 1920, height: 1080 });
    // Placed in PowerPoint, Word or Keynote, it is a 16:9 slide's size (13.33 × 7.5 in), not 20 × 11.25.
    expect(placedInches(first.bytes)).toEqual({ width: 13.33, height: 7.5 });

    const tools = page.getByTestId('topic-chart').getByRole('toolbar');
    await tools.getByRole('button', { name: 'Slide' }).click();
    await tools.getByLabel('4:3 (1440×1080)').check();
    await tools.getByLabel('2×', { exact: true }).check();
    await tools.getByLabel('Transparent', { exact: true }).check();
    await tools.getByTestId('export-theme').getByLabel('Dark').check();
    const second = await saved(page, () => page.getByTestId('topic-chart').getByTestId('export-png').click());
    expect(second.name).toBe('dialogue-atlas-topics-4x3-dark-transparent-2x.png');
    expect(pngSize(second.bytes)).toEqual({ width: 2880, height: 2160 });
    expect(placedInches(second.bytes)).toEqual({ width: 10, height: 7.5 }); // a 4:3 slide, at 2× the density
    // A corner pixel is fully transparent; the title's pixels are light (dark theme).
    const pixels = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const corner = [...ctx.getImageData(2, 2, 1, 1).data];
      const title = ctx.getImageData(144, 150, 800, 90).data;
      let brightest = 0;
      for (let i = 0; i < title.length; i += 4)
        brightest = Math.max(brightest, title[i]! + title[i + 1]! + title[i + 2]!);
      return { corner, brightest };
    }, second.bytes.toString('base64'));
    expect(pixels.corner[3]).toBe(0);
    expect(pixels.brightest).toBeGreaterThan(600);
  });
});

test.describe('embeds', () => {
  for (const size of [
    { width: 300, height: 250 },
    { width: 1280, height: 720 },
  ]) {
    for (const view of ['topics', 'cadence', 'map'] as const) {
      test(`#/embed/${view} fills a ${size.width}×${size.height} iframe with no chrome and no scrollbars`, async ({
        page,
        baseURL,
      }) => {
        await page.setContent(
          `<iframe src="${baseURL}#/embed/${view}?partner=Afghanistan&theme=dark" width="${size.width}" height="${size.height}" style="border:0"></iframe>`,
        );
        const frame = page.frameLocator('iframe');
        await expect(frame.getByTestId('embed-view')).toBeVisible();
        await expect(
          frame.locator(
            '.filter-bar, .site-header, footer:not([data-testid="embed-credit"]), [data-testid="export-svg"]',
          ),
        ).toHaveCount(0);
        const target = { topics: 'topic-bar', cadence: 'cadence-mark', map: 'venue-marker' }[view];
        await expect(frame.getByTestId(target).first()).toBeAttached();
        // Filters come from the URL: in a large frame every topic is drawn, those with no Afghan
        // meeting dimmed, while a banner's few rows go to Afghan topics; the timeline draws
        // Afghanistan's tracks alone (no rows of faded marks), and the legend names Afghanistan alone.
        if (view === 'topics') {
          const dimmed = frame.locator(`[data-testid="${target}"][data-dimmed="true"]`);
          if (size.width === 1280) await expect(dimmed.first()).toBeAttached();
          else await expect(dimmed).toHaveCount(0);
        }
        if (view === 'cadence') {
          const ids = await frame
            .getByTestId(target)
            .evaluateAll((marks) => marks.map((m) => m.getAttribute('data-dialogue-id')!));
          expect(ids.sort()).toEqual(['af-2025-06-27-as-1', 'af-as-2-kabul']);
          // It shows the period it was given: no strip to brush another, and no room kept for one.
          await expect(frame.locator('.brush-track')).toHaveCount(0);
          const axisTop = await frame
            .locator('[data-testid="cadence-chart"] svg text.tick')
            .first()
            .evaluate((t) => t.getBoundingClientRect().top - t.closest('svg')!.getBoundingClientRect().top);
          expect(axisTop).toBeLessThan(20);
        }
        if (view !== 'map')
          await expect(frame.locator('.partner-legend li:visible')).toHaveText([
            'Afghanistan',
            // The grey keyed in a banner too: its Afghan topics' bars are grey in part (other partners' meetings).
            ...(view === 'topics' ? ['not matching the filters'] : []),
          ]);
        const metrics = await frame.locator('html').evaluate((html) => ({
          overflowX: html.scrollWidth - html.clientWidth,
          overflowY: html.scrollHeight - html.clientHeight,
          background: getComputedStyle(document.querySelector('[data-testid="embed-view"]')!).backgroundColor,
        }));
        expect(metrics.overflowX).toBeLessThanOrEqual(0);
        expect(metrics.overflowY).toBeLessThanOrEqual(0);
        expect(metrics.background).toBe('rgb(26, 32, 41)');
        const box = (await frame.getByTestId(target).first().boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        expect(box.y).toBeLessThanOrEqual(size.height);
      });
    }
  }

  test('a small embed’s title and filters take two lines, names summarised first: held/planned and the period show whole', async ({
    page,
    baseURL,
  }) => {
    // The reviewer's frames: 300×250 and 400×300, and the 800×500 code in a 360 px column; then eight topics.
    const eu = 'partner=European%20Union&from=2025-01&to=2026-06&status=planned';
    const topics = [
      'counter-terrorism',
      'security-cooperation',
      'drug-trafficking',
      'border-security',
      'intelligence-sharing',
      'militant-groups',
      'migration',
      'refugees',
    ];
    const many = `${topics.map((t) => `topic=${t}`).join('&')}&from=2025-01&to=2026-06&status=planned`;
    const frames = [
      ...(['topics', 'cadence', 'map'] as const).flatMap((view) =>
        [
          [300, 250],
          [400, 300],
        ].map(([w, h]) => ({ src: `#/embed/${view}?${eu}`, style: `width:${w}px;height:${h}px` })),
      ),
      { src: `#/embed/cadence?${eu}`, style: 'width:360px;height:auto;aspect-ratio:8/5' },
      { src: `#/embed/topics?${many}`, style: 'width:300px;height:250px' },
    ];
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.setContent(
      frames
        .map((f) => `<iframe src="${baseURL}${f.src}" style="border:0;display:block;${f.style}"></iframe>`)
        .join(''),
    );
    for (const [i, f] of frames.entries()) {
      const frame = page.frameLocator('iframe').nth(i);
      const where = `${f.src} ${f.style}`;
      const filters = frame.locator('header .subtitle .filters');
      await expect(filters, where).toContainText('Planned meetings only');
      await expect(filters, where).toContainText('Jan 2025 – Jun 2026');
      if (i === frames.length - 1) await expect(filters, where).toContainText(/more topics|8 topics/);
      const seen = await filters.evaluate((span) => {
        const line = span.parentElement!;
        const box = line.getBoundingClientRect();
        const title = document.querySelector('h1')!;
        const words = document.createRange();
        words.selectNodeContents(span);
        return {
          overflow: Math.max(line.scrollWidth - line.clientWidth, line.scrollHeight - line.clientHeight),
          // Every line of the filters' words lies inside the box that shows them.
          outside: [...words.getClientRects()].filter(
            (r) => r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5,
          ).length,
          lines: Math.round(span.getClientRects().length),
          titleCut: title.scrollHeight > title.clientHeight + 0.5 || title.scrollWidth > title.clientWidth + 0.5,
        };
      });
      expect(seen.overflow, where).toBeLessThanOrEqual(0);
      expect(seen.outside, where).toBe(0);
      expect(seen.lines, where).toBeLessThanOrEqual(2);
      expect(seen.titleCut, where).toBe(false);
    }
  });

  test('a 300×250 embed under many filters keeps the period’s end and its “Dialogue Atlas ↗” link in view; one topic is named, not counted', async ({
    page,
    baseURL,
  }) => {
    const many =
      'partner=European%20Union&partner=United%20States&topic=counter-terrorism&topic=intelligence-sharing&topic=migration&topic=refugees&topic=trade-gsp&topic=militant-groups&venue=islamabad&venue=brussels&status=held&from=2023-02&to=2025-09';
    for (const [view, query, words] of [
      ['cadence', many, /Held only · Feb 2023 – Sep 2025 · Dialogue Atlas ↗$/],
      ['topics', many, /Held only · Feb 2023 – Sep 2025 · Dialogue Atlas ↗$/],
      [
        'map',
        'topic=counter-terrorism&venue=islamabad&status=held&from=2024-03',
        /^Topic: .?Counter-terrorism.? · Venue/,
      ],
    ] as const) {
      await page.setContent(
        `<iframe src="${baseURL}#/embed/${view}?theme=light&${query}" width="300" height="250" style="border:0"></iframe>`,
      );
      const frame = page.frameLocator('iframe');
      const line = frame.locator('.subtitle');
      await expect(line).toHaveText(words);
      const m = await line.evaluate((p) => {
        const link = p.querySelector('a')!.getBoundingClientRect();
        const box = p.getBoundingClientRect();
        return { clipped: p.scrollHeight - p.clientHeight, below: link.bottom - box.bottom };
      });
      expect(m.clipped, view).toBeLessThanOrEqual(0);
      expect(m.below, view).toBeLessThanOrEqual(0.5);
      await expect(line.getByRole('link', { name: 'Dialogue Atlas' })).toBeVisible();
    }
  });

  test('an embed names its source and links to the dashboard; a meeting clicked in it is named, with a link to its record', async ({
    page,
    baseURL,
  }) => {
    await page.setContent(
      `<iframe src="${baseURL}#/embed/cadence?partner=United%20States" width="800" height="500" style="border:0"></iframe>`,
    );
    const frame = page.frameLocator('iframe');
    const credit = frame.getByTestId('embed-credit');
    await expect(credit).toHaveText('Dialogue Atlas ↗ · from 3 news articles');
    const link = credit.getByRole('link');
    await expect(link).toHaveAttribute('target', '_blank');
    expect(new URL((await link.getAttribute('href'))!).hash).toBe('#/?partner=United%20States');
    await frame.locator('[data-testid="cadence-mark"][data-dialogue-id="us-2025-08-12-ct"]').click();
    await expect(credit).toContainText('United States Counterterrorism Dialogue');
    await expect(link).toHaveText('Its record and source ↗');
    expect(new URL((await link.getAttribute('href'))!).hash).toBe(
      '#/?partner=United%20States&meeting=us-2025-08-12-ct',
    );
  });

  test('choosing a meeting in a narrow embed fills the credit’s second line: the chart under the pointer does not move', async ({
    page,
    baseURL,
  }) => {
    await page.setContent(
      `<iframe src="${baseURL}#/embed/cadence" width="420" height="520" style="border:0"></iframe>`,
    );
    const frame = page.frameLocator('iframe');
    const chartBox = () => frame.locator('.scaled').evaluate((e) => e.getBoundingClientRect().toJSON());
    await expect(frame.getByTestId('cadence-mark')).toHaveCount(9);
    await page.waitForTimeout(300);
    const before = await chartBox();
    await frame.locator('[data-testid="cadence-mark"][data-dialogue-id="us-2025-08-12-ct"]').click();
    await expect(frame.getByTestId('embed-credit')).toContainText('United States Counterterrorism Dialogue');
    expect(await chartBox()).toEqual(before);
    // Each of its lines ends in "…" rather than wrapping.
    const lines = await frame
      .locator('[data-testid="embed-credit"] .line')
      .evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().height));
    expect(lines).toHaveLength(2);
    for (const h of lines) expect(h).toBeLessThan(20);
  });

  test('a meeting chosen in a 640×360 or 420×520 embed keeps its round, status and date, its track’s name cut at a word', async ({
    page,
    baseURL,
  }) => {
    // The reviewer's host pages: a 640×360 frame and a 420×520 one (the meeting on a line of its own), dark;
    // Afghanistan's rounds 1 and 2 tapped, then the EU's round 10.
    for (const [w, h] of [
      [640, 360],
      [420, 520],
    ]) {
      await page.setContent(
        `<iframe src="${baseURL}#/embed/cadence?theme=dark" width="${w}" height="${h}" style="border:0"></iframe>`,
      );
      const frame = page.frameLocator('iframe');
      const chosen = frame.locator('[data-testid="embed-credit"] .chosen');
      const seen: string[] = [];
      for (const [id, which] of [
        ['af-2025-06-27-as-1', ', round 1: held, 27 Jun 2025.'],
        ['af-as-2-kabul', ', round 2: planned, date not announced.'],
        ['eu-2025-07-17-bilateral', ', round 10: held, 17 Jul 2025.'],
      ] as const) {
        await frame.locator(`[data-testid="cadence-mark"][data-dialogue-id="${id}"]`).click();
        await expect(chosen).toHaveAttribute('title', new RegExp(`${which.slice(2, which.indexOf(':'))} `));
        const { shown, full, overflow, link } = await chosen.evaluate((e) => {
          const a = e.parentElement!.querySelector('a')!.getBoundingClientRect();
          const text = document.createRange();
          text.selectNodeContents(e);
          return {
            shown: e.textContent!.replace(/\u00a0$/, ''),
            full: e.getAttribute('title')!,
            // Unrounded: 0.05 px too wide, CSS's ellipsis cut "27 Jun 2025" to "27 Jun 202…" at 420 px.
            overflow: text.getBoundingClientRect().width - e.getBoundingClientRect().width,
            link: a.right <= e.parentElement!.getBoundingClientRect().right + 0.5,
          };
        });
        // Both Afghanistan rounds read "Afghanistan Additional Secretary-level talks…": the name, not what tells
        // them apart, is cut, after a whole word; the line fits (no CSS ellipsis), and its link shows whole.
        // Whole where it fits (with its venue: "round 10 in Brussels"), else its round, status and date kept.
        expect(shown === `${full}.` || shown.endsWith(which), `${w}×${h} ${shown}`).toBe(true);
        // A name is cut only where it does not fit with the credit's words after the link given way.
        if (shown.includes('…')) {
          expect(shown, `${w}×${h}`).toMatch(new RegExp(`…${which.replace(/[.]/g, '\\.')}$`));
          expect(full.startsWith(shown.slice(0, shown.indexOf('…')))).toBe(true);
        }
        expect(overflow, `${w}×${h} ${shown}`).toBeLessThanOrEqual(0);
        expect(link).toBe(true);
        // The credit after the link shows whole phrases or none: "· Dialogue Atlas, from 3 n…" read as cut.
        const creditCut = await frame.locator('[data-testid="embed-credit"] .from').evaluate((from) => {
          const box = from.getBoundingClientRect();
          const parts = from.children.length > 0 ? [...from.children] : [from];
          return parts.some((part) => {
            const text = document.createRange();
            text.selectNodeContents(part);
            const b = text.getBoundingClientRect();
            return b.top < box.bottom - 0.5 && b.right > box.right + 0.5;
          });
        });
        expect(creditCut, `${w}×${h} ${shown}`).toBe(false);
        seen.push(shown);
      }
      expect(new Set(seen).size).toBe(3);
    }
  });

  test('a meeting chosen in a 640×360 embed keeps its track’s name before the credit’s repeated words', async ({
    page,
    baseURL,
  }) => {
    // The reviewer's case: the EU's Migration and Mobility round 3 read "European Union…, round 3: planned, 2025.
    // Its record and source ↗ · Dialogue Atlas, from 3 news articles", as Strategic Dialogue round 7 nearly did.
    await page.setContent(
      `<iframe src="${baseURL}#/embed/cadence?theme=light" width="640" height="360" style="border:0"></iframe>`,
    );
    const frame = page.frameLocator('iframe');
    const chosen = frame.locator('[data-testid="embed-credit"] .chosen');
    for (const [id, track] of [
      ['eu-2025-migration-3', 'European Union Migration'],
      ['eu-2025-strategic-7', 'European Union Strategic'],
    ] as const) {
      // On the bar's left end: the mark's box also spans its "overdue", set after the "today" line
      // where it fits, and the gap between them (its middle) is the lane's, not the mark's.
      const mark = frame.locator(`[data-testid="cadence-mark"][data-dialogue-id="${id}"]`);
      await mark.click({ position: { x: 6, y: (await mark.boundingBox())!.height / 2 } });
      await expect(chosen).toHaveAttribute('title', new RegExp(`^${track}`));
      await expect(chosen).toContainText(track);
      await expect(frame.getByTestId('embed-credit').getByRole('link')).toBeVisible();
    }
  });

  test('the focus ring of the credit’s link is drawn whole, not clipped by its line', async ({ page, baseURL }) => {
    // The reviewer's steps: a 640×360 frame, a meeting chosen by keyboard, then Tab to "Its record and source ↗".
    await page.setContent(
      `<iframe src="${baseURL}#/embed/cadence?theme=light" width="640" height="360" style="border:0"></iframe>`,
    );
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-testid="cadence-mark"][data-dialogue-id="eu-2025-migration-3"]').focus();
    await page.keyboard.press('Enter');
    const link = frame.getByTestId('embed-credit').getByRole('link');
    await expect(link).toHaveText('Its record and source ↗');
    await page.keyboard.press('Tab');
    await expect(link).toBeFocused();
    const clipped = await link.evaluate((a) => {
      const style = getComputedStyle(a);
      const ring = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
      const box = a.getBoundingClientRect();
      // The ring's outer edge, against every box round it that clips what overflows it.
      const edges: string[] = [];
      for (let e = a.parentElement; e; e = e.parentElement) {
        const { overflow, overflowClipMargin } = getComputedStyle(e);
        if (overflow === 'visible') continue;
        const clip = e.getBoundingClientRect();
        // overflow: clip draws what overflows up to its margin past the box (hidden cuts at the box).
        const margin = overflow === 'clip' ? parseFloat(overflowClipMargin) || 0 : 0;
        if (
          box.left - ring < clip.left - margin - 0.5 ||
          box.right + ring > clip.right + margin + 0.5 ||
          box.top - ring < clip.top - margin - 0.5 ||
          box.bottom + ring > clip.bottom + margin + 0.5
        )
          edges.push(e.className);
      }
      return { width: style.outlineWidth, edges };
    });
    expect(clipped.width).toBe('3px');
    expect(clipped.edges).toEqual([]);
  });

  test('the Embed action gives an iframe snippet for the view and its filters, as wide as a narrower column', async ({
    page,
    baseURL,
  }) => {
    // The presenter's system is dark and the page's Theme on Auto: the embed is still light, as most pages
    // it goes into are (it followed each visitor's system, a dark box on a light page).
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('./#/?topic=migration&status=planned');
    const code = page.getByTestId('cadence-chart').getByTestId('embed-code');
    await page.getByTestId('cadence-chart').getByRole('button', { name: 'Embed', exact: true }).click();
    await expect(code).toBeVisible();
    const title =
      'How regularly Pakistan’s security dialogues meet — Topic: Migration and mobility · Planned meetings only';
    await expect(code).toHaveText(
      `<iframe src="${baseURL}#/embed/cadence?topic=migration&amp;status=planned&amp;theme=light" width="800" height="500" style="border:0;width:100%;max-width:800px;height:auto;aspect-ratio:8/5" title="${title}" loading="lazy"></iframe>`,
    );
    // Pasted into a page read on a phone: the frame fits the column, in the same shape, and its page
    // is titled with what it shows (not the site's name alone).
    const snippet = (await code.textContent())!;
    const phone = await page.context().newPage();
    await phone.setViewportSize({ width: 375, height: 700 });
    await phone.setContent(`<body style="margin:0"><main style="margin:0 16px">${snippet}</main></body>`);
    const frameBox = (await phone.locator('iframe').boundingBox())!;
    expect(frameBox.width).toBe(343);
    expect(Math.abs(frameBox.height - (343 * 5) / 8)).toBeLessThan(1);
    await expect(phone.frameLocator('iframe').getByTestId('cadence-mark').first()).toBeVisible();
    // The frame shows the filters the snippet names (its `&amp;` read as `&`).
    expect(phone.frames()[1]!.url()).toBe(`${baseURL}#/embed/cadence?topic=migration&status=planned&theme=light`);
    expect(await phone.frames()[1]!.title()).toBe(`${title} · Dialogue Atlas`);
    await phone.close();
    // The published data shown: nothing to warn of.
    await expect(page.getByTestId('embed-unpublished')).toHaveCount(0);
    // The theme is picked in the card, a labelled radio group, by keyboard; the slide theme is the slides' own.
    const tools = page.getByTestId('cadence-chart');
    const themes = tools.getByTestId('embed-theme');
    await expect(themes).toHaveRole('group');
    await expect(themes).toHaveAccessibleName('Theme');
    await expect(themes.getByRole('radio', { name: 'Light' })).toBeChecked();
    await themes.getByRole('radio', { name: 'Light' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(themes.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(code).toContainText('#/embed/cadence?topic=migration&amp;status=planned&amp;theme=dark"');
    await page.keyboard.press('ArrowDown');
    await expect(themes.getByRole('radio', { name: 'Each visitor’s system' })).toBeChecked();
    await expect(code).toContainText('#/embed/cadence?topic=migration&amp;status=planned"');
    await tools.locator('[data-popover="slide"]').click();
    await tools.getByTestId('export-theme').locator('input[value="light"]').check();
    await tools.locator('[data-popover="embed"]').click();
    await expect(code).toContainText('#/embed/cadence?topic=migration&amp;status=planned"');
    // Remembered: a reload keeps the pick.
    await themes.getByRole('radio', { name: 'Dark' }).check();
    await page.reload();
    // The card open at the reload opens again (Back closes it).
    await expect(code).toContainText('&amp;theme=dark"');
    await expect(themes.getByRole('radio', { name: 'Dark' })).toBeChecked();
    // Another size is picked, not edited: the code writes it everywhere it is (the attributes alone
    // changed nothing), and a wide page shows the frame at that size.
    await tools.getByTestId('embed-size').getByLabel('400 × 300').check();
    await expect(code).toContainText(
      'width="400" height="300" style="border:0;width:100%;max-width:400px;height:auto;aspect-ratio:4/3"',
    );
    const wide = await page.context().newPage();
    await wide.setContent(`<body style="margin:0">${(await code.textContent())!}</body>`);
    expect(await wide.locator('iframe').boundingBox()).toMatchObject({ width: 400, height: 300 });
    await wide.close();
  });
});

test("the map's Embed and Alt text popovers are painted over the map's own buttons", async ({ page }) => {
  await page.goto('./');
  const map = page.getByTestId('venue-map');
  await expect(map.locator('.leaflet-control-zoom')).toBeVisible();
  for (const [name, card] of [
    ['Embed', '#map-embed-card'],
    ['Alt text', '#map-alt-card'],
  ] as const) {
    await page.locator(`[aria-controls="${card.slice(1)}"]`).click();
    const popover = page.locator(card);
    await expect(popover).toBeVisible();
    // Every corner and the middle of the popover: the popover is on top there, not a Leaflet control.
    const box = (await popover.boundingBox())!;
    for (const [fx, fy] of [
      [0.05, 0.1],
      [0.95, 0.1],
      [0.5, 0.5],
      [0.05, 0.9],
      [0.95, 0.9],
    ] as const) {
      const onTop = await page.evaluate(([x, y, id]) => !!document.elementFromPoint(x, y)?.closest(id), [
        box.x + box.width * fx,
        box.y + box.height * fy,
        card,
      ] as const);
      expect(onTop, `${name} at ${fx},${fy}`).toBe(true);
    }
    await page.keyboard.press('Escape');
  }
});

test.describe('presentation view', () => {
  test('stepping by keys with the pointer at rest fades nothing; a pointer moved hovers again', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('./#/present/cadence');
    const view = page.getByTestId('present-view');
    await expect(page.getByTestId('cadence-mark').first()).toBeVisible();
    // The pointer rests where the next view draws its bars.
    const box = (await view.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.45);
    await page.keyboard.press('ArrowRight');
    await expect(view).toHaveAttribute('data-view', 'map');
    await page.keyboard.press('ArrowRight');
    await expect(view).toHaveAttribute('data-view', 'topics');
    await page.waitForTimeout(800);
    await expect(view.locator('.muted')).toHaveCount(0);
    // Nor a band behind the bar under it (the bars' own :hover).
    const bands = () =>
      view
        .locator('.bar .hit')
        .evaluateAll(
          (hits) => hits.filter((h) => !/rgba\(0, 0, 0, 0\)|none|transparent/.test(getComputedStyle(h).fill)).length,
        );
    expect(await bands()).toBe(0);
    // The view laid out again later (a window made shorter) moves the bars under the resting pointer: still nothing.
    await page.setViewportSize({ width: 1280, height: 640 });
    await page.waitForTimeout(400);
    await expect(view.locator('.muted')).toHaveCount(0);
    // Moved, it hovers again.
    const bar = view.getByTestId('topic-bar').first();
    await bar.hover();
    await expect(view.locator('.muted').first()).toBeAttached();
    expect(await bands()).toBe(1);
  });

  test('opened by a click, Present fades nothing under the pointer resting where the button was', async ({ page }) => {
    await page.setViewportSize({ width: 844, height: 390 });
    await page.goto('./');
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    await page.getByTestId('topic-chart').getByRole('button', { name: 'Present' }).click();
    const view = page.getByTestId('present-view');
    await expect(view).toHaveAttribute('data-view', 'topics');
    await page.waitForTimeout(800);
    await expect(view.locator('.muted')).toHaveCount(0);
    await view.getByTestId('topic-bar').first().hover();
    await expect(view.locator('.muted').first()).toBeAttached();
  });

  test('opened by editing the address, Present fades nothing under the resting pointer', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('./');
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    // The pointer rests where Present's topic bars will be drawn.
    await page.mouse.move(400, 330);
    await page.evaluate(() => (location.hash = '#/present/topics'));
    const view = page.getByTestId('present-view');
    await expect(view).toHaveAttribute('data-view', 'topics');
    await page.waitForTimeout(800);
    await expect(view.locator('.muted')).toHaveCount(0);
    await view.getByTestId('topic-bar').first().hover();
    await expect(view.locator('.muted').first()).toBeAttached();
  });

  test('one view full screen with large type; arrows step through the views; Escape leaves', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    const present = page.getByTestId('topic-chart').getByRole('button', { name: 'Present' });
    await present.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    const scrolled = await page.evaluate(() => window.scrollY);
    await present.click();
    const view = page.getByTestId('present-view');
    await expect(view).toHaveAttribute('data-view', 'topics');
    // Its source, as a slide gives it, at the foot and clear of the controls.
    const source = page.getByTestId('present-source');
    await expect(source).toHaveText(/^Source: Dialogue Atlas, published data, from 3 sources; data as of /);
    const [foot, controls] = [await source.boundingBox(), await page.getByTestId('present-controls').boundingBox()];
    expect(foot!.x + foot!.width).toBeLessThan(controls!.x);
    // The focus starts on the view's title (announced), not on the page's body.
    await expect(view.locator('h1')).toBeFocused();
    const labelSize = await page
      .locator('[data-testid="topic-chart"] .label')
      .first()
      .evaluate((t) => t.getBoundingClientRect().height);
    expect(labelSize).toBeGreaterThan(17); // 12 px type scaled up
    await page.keyboard.press('ArrowRight');
    await expect(view).toHaveAttribute('data-view', 'cadence');
    await expect(view.locator('h1')).toBeFocused();
    await expect(view.locator('h1')).toHaveText('How regularly Pakistan’s security dialogues meet');
    // The tab is titled with the view shown, and the site's title comes back after.
    await expect(page).toHaveTitle('How regularly Pakistan’s security dialogues meet — All meetings · Dialogue Atlas');
    await page.keyboard.press('ArrowRight');
    await expect(view).toHaveAttribute('data-view', 'map');
    // Venue names grow with the screen, as the charts' type does (12.5 px on the dashboard).
    const venueLabel = view.locator('.venue-label').first();
    await expect(venueLabel).toBeVisible();
    expect(await venueLabel.evaluate((l) => parseFloat(getComputedStyle(l).fontSize))).toBeGreaterThan(14);
    await page.keyboard.press('ArrowLeft');
    await expect(view).toHaveAttribute('data-view', 'cadence');
    await expect(view.getByTestId('cadence-mark')).toHaveCount(9);
    await page.keyboard.press('Escape');
    await expect(view).toHaveCount(0);
    await expect(page.getByTestId('cadence-chart')).toBeVisible();
    await expect(page).toHaveTitle('Dialogue Atlas — Pakistan’s bilateral security dialogues');
    // Back where the viewer was, with focus on the Present button they pressed.
    await expect(page.getByTestId('topic-chart').getByRole('button', { name: 'Present' })).toBeFocused();
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(40);
  });

  test('Present is one step of the history: Back after leaving stays on the dashboard, and a sideways swipe is not Back', async ({
    page,
  }) => {
    await page.goto('./#/?topic=migration');
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    const entries = () => page.evaluate(() => history.length);
    const before = await entries();
    await page.getByTestId('topic-chart').getByRole('button', { name: 'Present' }).click();
    // Stepped at once, before the address has caught up with Present: still one entry.
    await page.keyboard.press('ArrowRight');
    const view = page.getByTestId('present-view');
    await expect(view).toHaveAttribute('data-view', 'cadence');
    // The browser's own swipe-back is off while presenting (a swipe steps through the views): from
    // when the presenting buttons, loaded beside the view, are on screen.
    await expect(page.getByTestId('present-controls')).toBeVisible();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overscrollBehaviorX)).toBe('none');
    await page.keyboard.press('ArrowRight');
    await expect(view).toHaveAttribute('data-view', 'map');
    await expect(page).toHaveURL(/#\/present\/map\?topic=migration$/);
    expect(await entries()).toBe(before + 1);
    await page.keyboard.press('Escape');
    await expect(view).toHaveCount(0);
    await expect(page).toHaveURL(/#\/\?topic=migration$/);
    // Back from here goes where the viewer was before the dashboard, not into Present again.
    await page.goBack();
    await expect(page).not.toHaveURL(/present/);
  });
});

test('on a phone in full screen, a sideways swipe steps the views, on the map too, and is never the browser’s Back', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto('./');
  const present = page.getByTestId('topic-chart').getByRole('button', { name: 'Present' });
  await present.scrollIntoViewIfNeeded();
  await present.tap();
  const view = page.getByTestId('present-view');
  await expect(view).toHaveAttribute('data-view', 'topics');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  // A finger moved left to right, as Input.dispatchTouchEvent sends it (a real touch's events).
  const cdp = await context.newCDPSession(page);
  const swipeRight = async (y: number) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 80, y }] });
    for (let k = 1; k <= 6; k++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 80 + 40 * k, y }] });
      await page.waitForTimeout(16);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  // Chromium in full screen went Back to the dashboard here, overscroll-behavior notwithstanding.
  await swipeRight(420);
  await expect(view).toHaveAttribute('data-view', 'map');
  await expect(page).toHaveURL(/#\/present\/map$/);
  const map = (await page.locator('.leaflet-container').boundingBox())!;
  await swipeRight(map.y + map.height / 2);
  await page.waitForTimeout(1000);
  await expect(page).toHaveURL(/#\/present\/map$/);
  await expect(view).toHaveAttribute('data-view', 'map');
  await context.close();
});

test('a meeting chosen on the timeline is named on the map only if the map shows it (a venue it names)', async ({
  page,
}) => {
  await page.goto('./#/present/cadence');
  const view = page.getByTestId('present-view');
  for (const [id, onMap] of [
    ['us-2023-03-ct', false],
    ['us-2025-08-12-ct', true],
  ] as const) {
    await page.locator(`[data-dialogue-id="${id}"]`).click();
    await expect(page.getByTestId('present-chosen')).toContainText('United States Counterterrorism Dialogue');
    await page.keyboard.press('ArrowRight');
    await expect(view).toHaveAttribute('data-view', 'map');
    await expect(page.getByTestId('present-chosen')).toHaveCount(onMap ? 1 : 0);
    await page.keyboard.press('ArrowLeft');
    await expect(view).toHaveAttribute('data-view', 'cadence');
  }
});

test('presenting on a phone held upright: a meeting tapped is named above the source, both whole-width above the controls', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto('./#/present/cadence');
  const mark = page.locator('[data-dialogue-id="us-2025-08-12-ct"]');
  const box = (await mark.boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('present-chosen')).toContainText('United States Counterterrorism Dialogue');
  const source = (await page.getByTestId('present-source').boundingBox())!;
  const controls = (await page.locator('.present-controls').boundingBox())!;
  // The source line is readable ("data as of" in it), and above the controls rather than beside them.
  await expect(page.getByTestId('present-source')).toContainText('data as of');
  expect(source.y + source.height).toBeLessThanOrEqual(controls.y);
  expect(source.width).toBeGreaterThan(250);
  // The chart ends above the foot: the chosen meeting's lines never lie over "today".
  const chart = (await page.getByTestId('cadence-chart').locator('svg').first().boundingBox())!;
  const chosen = (await page.getByTestId('present-chosen').boundingBox())!;
  expect(chart.y + chart.height).toBeLessThanOrEqual(chosen.y + 1);
  // Escape lets go of the meeting first, staying in Present; a second Escape leaves.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present-chosen')).toHaveCount(0);
  expect(page.url()).toContain('#/present/cadence');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.url()).not.toContain('present');
  await context.close();
});

test('presenting under filters: the timeline draws the matching tracks alone, the dashboard keeps every track faded', async ({
  page,
}) => {
  await page.goto('./#/?topic=migration');
  const marks = page.getByTestId('cadence-chart').getByTestId('cadence-mark');
  await expect(marks).toHaveCount(9);
  await expect(page.locator('[data-testid="cadence-mark"]:not([data-dimmed])')).toHaveCount(2);
  await page.getByTestId('cadence-chart').getByRole('button', { name: 'Present' }).click();
  const view = page.getByTestId('present-view');
  await expect(view).toHaveAttribute('data-view', 'cadence');
  await expect(view.getByTestId('cadence-mark')).toHaveCount(2);
  // Nothing drawn is faded (the migration track's meetings all match): no key to the grey.
  await expect(view.locator('.partner-legend li:visible')).toHaveText(['European Union']);
  await expect(view.getByTestId('cadence-chart')).toContainText('Migration and Mobility Dialogue');
  await expect(view.getByTestId('cadence-chart')).not.toContainText(/Counterterrorism|Strategic Dialogue/);
  // Held only is a filter as the others are: each view keys what it fades ("not matching the filters"):
  // the planned rounds on the timeline, migration's planned meeting in its bar, Kabul (planned only) on the map.
  for (const name of ['cadence', 'topics', 'map'] as const) {
    await page.goto(`./#/present/${name}?status=held`);
    await expect(page.getByTestId('present-view')).toHaveAttribute('data-view', name);
    const key = page.getByTestId('present-view').locator('header').getByText('not matching the filters');
    await expect(key.filter({ visible: true })).toHaveCount(1);
  }
  // Nothing matches: said, not an empty frame.
  await page.goto('./#/present/cadence?topic=migration&partner=United%20States');
  await expect(page.getByTestId('present-view')).toContainText('No meetings match these filters.');
});

const VIEWS = [
  ['topic-chart', 'topics'],
  ['cadence-chart', 'cadence'],
  ['venue-map', 'map'],
] as const;

/** Each drawn text of an SVG with the fill and opacity it is drawn with (inherited from its groups). */
async function textsOf(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const inherited = (el: Element, name: string) => {
      for (let e: Element | null = el; e; e = e.parentElement) if (e.hasAttribute(name)) return e.getAttribute(name)!;
      return null;
    };
    return [...doc.querySelectorAll('text')].map((t) => {
      let opacity = 1;
      for (let e: Element | null = t; e; e = e.parentElement) opacity *= Number(e.getAttribute('opacity') ?? 1);
      return { text: t.textContent ?? '', fill: inherited(t, 'fill') ?? '#000000', opacity };
    });
  }, svg);
}

test.describe('export themes', () => {
  for (const pageTheme of ['light', 'dark'] as const) {
    test(`on a ${pageTheme} page, every text of every export meets 4.5:1 in each export theme and background`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.addInitScript((t) => localStorage.setItem('dialogue-atlas:theme', t), pageTheme);
      await page.goto('./#/?partner=Afghanistan');
      await expect(page.getByTestId('venue-marker').first()).toBeAttached();
      for (const [container, view] of VIEWS) {
        const tools = page.getByTestId(container).getByRole('toolbar');
        await tools.getByRole('button', { name: 'Slide' }).click();
        // The export theme starts as the page's (then the choice made in the first view is shared).
        if (view === 'topics')
          await expect(tools.getByTestId('export-theme').locator(`input[value="${pageTheme}"]`)).toBeChecked();
        for (const exportTheme of ['light', 'dark'] as const) {
          for (const background of ['Solid', 'Transparent']) {
            if (!(await tools.getByRole('group', { name: 'Slide settings' }).isVisible()))
              await tools.getByRole('button', { name: 'Slide' }).click();
            await tools.getByTestId('export-theme').locator(`input[value="${exportTheme}"]`).check();
            await tools.getByLabel(background).check();
            const { bytes } = await saved(page, () => tools.getByTestId('export-svg').click());
            const svg = bytes.toString('utf8');
            const theme = SLIDE_THEMES[exportTheme];
            const grounds = view === 'map' ? [theme.background, theme.land, theme.water] : [theme.background];
            const texts = (await textsOf(page, svg)).filter((t) => t.fill !== 'none' && t.text.trim());
            expect(texts.length).toBeGreaterThan(5);
            for (const t of texts)
              for (const ground of grounds)
                expect(
                  contrastRatio(t.fill, ground, t.opacity),
                  `${view} ${exportTheme} ${background}: “${t.text}” (${t.fill}) on ${ground}`,
                ).toBeGreaterThanOrEqual(4.5);
            expect(svg.includes(`fill="${theme.background}"/>`) || background === 'Transparent').toBe(true);
          }
        }
      }
    });
  }

  test('the export theme follows the page until another is picked, and Slide settings are remembered', async ({
    page,
  }) => {
    await page.goto('./');
    const tools = page.getByTestId('topic-chart').getByRole('toolbar');
    await tools.getByRole('button', { name: 'Slide' }).click();
    await expect(tools.getByTestId('export-theme').locator('input[value="light"]')).toBeChecked();
    // The page turns dark (as the Theme menu does): the export theme follows while still open.
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await expect(tools.getByTestId('export-theme').locator('input[value="dark"]')).toBeChecked();
    await tools.getByLabel('4:3 (1440×1080)').check();
    await tools.getByLabel('Transparent', { exact: true }).check();
    await page.reload();
    await tools.getByRole('button', { name: 'Slide' }).click();
    await expect(tools.getByLabel('4:3 (1440×1080)')).toBeChecked();
    await expect(tools.getByLabel('Transparent', { exact: true })).toBeChecked();
  });

  test('a Transparent background, remembered, is said beside every view’s SVG and PNG and in their names, as 4:3, dark and 2× are', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByTestId('venue-marker').first()).toBeAttached();
    const containers = ['venue-map', 'topic-chart', 'cadence-chart'];
    const toolsOf = (container: string) => page.getByTestId(container).getByRole('toolbar');
    const topics = toolsOf('topic-chart');
    await topics.getByRole('button', { name: 'Slide' }).click();
    await topics.getByLabel('Transparent', { exact: true }).check();
    await topics.getByLabel('2×', { exact: true }).check();
    // A later visit: the setting is remembered, and the toolbar says so before a PNG comes out see-through.
    await page.reload();
    await expect(page.getByTestId('venue-marker').first()).toBeAttached();
    for (const c of containers) {
      const tools = toolsOf(c);
      await expect(tools.getByTestId('export-active')).toHaveText('transparent');
      await expect(tools.getByRole('button', { name: 'SVG, transparent', exact: true })).toBeVisible();
      await expect(tools.getByRole('button', { name: 'PNG, transparent, 2×', exact: true })).toBeVisible();
      await expect(tools.getByTestId('export-png')).toHaveAttribute('title', 'Download as PNG (transparent, 2×)');
    }
    // With a shape and theme too, in the order the card lists them (from another view's card: the
    // topics' card, open at the reload, opened again).
    const map = toolsOf('venue-map');
    await map.getByRole('button', { name: 'Slide' }).click();
    await map.getByLabel('4:3 (1440×1080)').check();
    await map.getByTestId('export-theme').locator('input[value="dark"]').check();
    await expect(toolsOf('cadence-chart').getByTestId('export-active')).toHaveText('4:3 · dark · transparent');
    await expect(
      toolsOf('cadence-chart').getByRole('button', { name: 'PNG, 4:3, dark, transparent, 2×', exact: true }),
    ).toBeVisible();
    // Solid again: nothing said of the background.
    await map.getByLabel('Solid').check();
    await expect(toolsOf('cadence-chart').getByTestId('export-active')).toHaveText('4:3 · dark');
  });

  test('Slide settings picked on one view are shown beside every view’s SVG and PNG, and the card says they apply to all and the deck', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByTestId('venue-marker').first()).toBeAttached();
    const containers = ['venue-map', 'topic-chart', 'cadence-chart'];
    const toolsOf = (container: string) => page.getByTestId(container).getByRole('toolbar');
    for (const c of containers) {
      await expect(toolsOf(c).getByRole('button', { name: 'SVG', exact: true })).toBeVisible();
      await expect(toolsOf(c).getByTestId('export-active')).toHaveCount(0);
    }
    const map = toolsOf('venue-map');
    await map.getByRole('button', { name: 'Slide' }).click();
    await expect(map.getByTestId('slide-applies')).toContainText('every view’s SVG and PNG and the slides (.pptx)');
    await map.getByLabel('4:3 (1440×1080)').check();
    await map.getByTestId('export-theme').locator('input[value="dark"]').check();
    await map.getByLabel('2×', { exact: true }).check();
    await page.reload();
    await expect(page.getByTestId('venue-marker').first()).toBeAttached();
    for (const c of containers) {
      const tools = toolsOf(c);
      await expect(tools.getByTestId('export-active')).toHaveText('4:3 · dark');
      await expect(tools.getByRole('button', { name: 'SVG, 4:3, dark', exact: true })).toBeVisible();
      await expect(tools.getByRole('button', { name: 'PNG, 4:3, dark, 2×', exact: true })).toBeVisible();
      await expect(tools.getByTestId('export-png')).toHaveAttribute('title', 'Download as PNG (4:3, dark, 2×)');
    }
    // Back to the usual shape and the page's theme: nothing said beside the buttons.
    const topics = toolsOf('topic-chart');
    await topics.getByRole('button', { name: 'Slide' }).click();
    await topics.getByLabel('16:9 (1920×1080)').check();
    await topics.getByTestId('export-theme').locator('input[value="light"]').check();
    for (const c of containers) {
      await expect(toolsOf(c).getByTestId('export-active')).toHaveCount(0);
      await expect(toolsOf(c).getByRole('button', { name: 'SVG', exact: true })).toBeVisible();
    }
  });
});

test.describe('lean SVG', () => {
  test('topic SVG: a rect per bar segment named by topic and partner, no defaults, 0.1 px, under 8 KB', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    const { bytes } = await saved(page, () => page.getByTestId('topic-chart').getByTestId('export-svg').click());
    const svg = bytes.toString('utf8');
    expect(bytes.length).toBeLessThanOrEqual(8 * 1024);
    expect(svg).not.toMatch(/fill-opacity="1"|stroke-dasharray="none"|opacity="1"|stroke-width="1"|\s(?:x|y)="0"/);
    expect(svg).not.toMatch(/(?<![\d.]|scale\()\d+\.\d{2,}/); // 0.1 px (a scale may have two decimals)
    const bars = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const topics = [...doc.querySelectorAll('g')].filter(
        (g) => g.querySelector(':scope > rect') && g.querySelector(':scope > title'),
      );
      return topics.map((g) => ({
        name: g.querySelector(':scope > title')?.textContent ?? '',
        segments: [...g.querySelectorAll(':scope > rect')].map((r) => r.querySelector('title')?.textContent ?? ''),
        compound: [...g.querySelectorAll('path')].some((p) => (p.getAttribute('d')!.match(/M/gi) ?? []).length > 1),
      }));
    }, svg);
    const fontSizes = (svg.match(/font-size=/g) ?? []).length;
    expect(fontSizes).toBeLessThan(10);
    expect(bars).toHaveLength(20);
    expect(bars[0]!.name).toMatch(/^Counter-terrorism: \d+ meetings$/);
    for (const b of bars) {
      expect(b.compound).toBe(false);
      expect(b.segments.length).toBeGreaterThan(0);
      for (const s of b.segments) expect(s).toMatch(/^(European Union|Afghanistan|United States): \d+ meetings?$/);
    }
    // 20 bars of 9 meetings over 3 partners: a shape per partner's part of each bar.
    const ids = await page
      .locator('[data-testid="topic-bar"]')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')!));
    const expected = ids.reduce((n, label) => n + label.match(/\(([^)]*)\)/)![1]!.split(',').length, 0);
    expect(bars.reduce((n, b) => n + b.segments.length, 0)).toBe(expected);
    // Filtered, the unmatched parts are drawn too, and the file stays as small.
    await page.goto('./#/?partner=Afghanistan&partner=European%20Union&status=held');
    await expect(page.locator('[data-testid="topic-bar"][data-dimmed="true"]').first()).toBeAttached();
    const filtered = await saved(page, () => page.getByTestId('topic-chart').getByTestId('export-svg').click());
    expect(filtered.bytes.length).toBeLessThanOrEqual(8 * 1024);
  });

  test('timeline SVG: path data at 0.1 px, dash patterns as "4 3", the interval key 11 px before its label as the dot is', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByTestId('venue-marker').first()).toBeAttached();
    const { bytes } = await saved(page, () => page.getByTestId('cadence-chart').getByTestId('export-svg').click());
    const svg = bytes.toString('utf8');
    const paths = [...svg.matchAll(/\sd="([^"]*)"/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(3);
    expect(paths.filter((d) => /\d\.\d{2,}/.test(d))).toEqual([]);
    const dashes = [...svg.matchAll(/stroke-dasharray="([^"]*)"/g)].map((m) => m[1]!);
    expect(dashes.length).toBeGreaterThan(2);
    for (const d of dashes) expect(d).toMatch(/^[\d.]+( [\d.]+)*$/);
    // Each key's swatch ends 11 px before its label: the held dot (its centre 8 + 11 px before), and the interval's bracket.
    const key = (label: string, swatch: RegExp) => {
      const m = new RegExp(`${swatch.source}<text x="([\\d.]+)"[^>]*>${label}</text>`).exec(svg);
      expect(m, label).not.toBeNull();
      return Number(m![2]) - Number(m![1]);
    };
    expect(key('held', /<circle cx="([\d.]+)"[^>]*r="8"[^>]*\/>/)).toBeCloseTo(8 + 11, 1);
    expect(
      key('interval between held meetings', /<path d="M[\d.]+,[\d.-]+ V[\d.-]+ H([\d.]+) V[\d.-]+"[^>]*\/>/),
    ).toBeCloseTo(11, 1);
  });

  test('map SVG is under 120 KB with shapes clipped to the view', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('venue-marker').first()).toBeAttached();
    const { bytes } = await saved(page, () => page.getByTestId('venue-map').getByTestId('export-svg').click());
    expect(bytes.length).toBeLessThanOrEqual(120 * 1024);
    const svg = bytes.toString('utf8');
    expect(svg).not.toMatch(/(?<![\d.]|scale\()\d+\.\d{2,}/); // 0.1 px (a scale may have two decimals)
    // Drawn, each country shape lies within the map's own box (the water rect): clipped, not hidden.
    await page.setContent(svg.replace(/^<\?xml[^>]*>/, ''));
    const outside = await page.evaluate(() => {
      const water = document.querySelector('g[transform] > rect') as SVGRectElement;
      const [w, h] = [water.width.baseVal.value, water.height.baseVal.value];
      return [...document.querySelectorAll('g[transform] path')].filter((p) => {
        const b = (p as SVGPathElement).getBBox();
        return b.x < -1 || b.y < -1 || b.x + b.width > w + 1 || b.y + b.height > h + 1;
      }).length;
    });
    expect(outside).toBe(0);
  });

  for (const width of [1280, 1400])
    test(`map SVG at a ${width} px window is framed on the venues, as the deck's map slide is`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('./');
      await expect(page.getByTestId('venue-marker').first()).toBeAttached();
      const { bytes } = await saved(page, () => page.getByTestId('venue-map').getByTestId('export-svg').click());
      await page.setContent(bytes.toString('utf8').replace(/^<\?xml[^>]*>/, ''));
      const { slide, brussels, islamabad } = await page.evaluate(() => {
        const centre = (name: string) => {
          const dot = [...document.querySelectorAll('g.venues circle')].find((c) =>
            c.querySelector('title')?.textContent?.startsWith(`${name}:`),
          )!;
          const r = dot.getBoundingClientRect();
          return r.left + r.width / 2;
        };
        return {
          slide: document.querySelector('svg')!.getBoundingClientRect().width,
          brussels: centre('Brussels'),
          islamabad: centre('Islamabad'),
        };
      });
      // The live map's tall column stretched to 16:9 ran from Labrador to Japan: Brussels to Islamabad was a quarter of it.
      expect((islamabad - brussels) / slide).toBeGreaterThan(0.4);
    });
});

test.describe('slides deck', () => {
  test('a .pptx with a slide per view: native topic chart, vector pictures with alt text, notes; no dangling axis', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('./#/?topic=counter-terrorism&status=held');
    await expect(page.getByTestId('venue-marker').first()).toBeAttached();
    const tools = page.getByTestId('topic-chart').getByRole('toolbar');
    await tools.getByRole('button', { name: 'Slide' }).click();
    await tools.getByLabel('4:3 (1440×1080)').check();
    await tools.getByTestId('export-theme').locator('input[value="dark"]').check();
    const { name, bytes } = await saved(page, () => page.getByTestId('export-pptx').click());
    expect(name).toBe('dialogue-atlas-slides-counter-terrorism-held-4x3-dark-2026-11-21.pptx'); // the viewer's day: TEST_TODAY
    const files = unzipSync(new Uint8Array(bytes));
    const text = (n: string) => strFromU8(files[n]!);
    const slides = Object.keys(files)
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    // Map, topics, every track's timeline, then a timeline slide for each partner drawn (each of the
    // three has held a meeting on counter-terrorism), its type large enough to read; last, the sources.
    expect(slides).toHaveLength(7);
    expect(text('ppt/presentation.xml')).toContain('<p:sldSz cx="9144000" cy="6858000"');
    // The file's properties: its title names the filters, and the author is the app, not the library.
    const core = text('docProps/core.xml');
    expect(core).toMatch(
      /<dc:title>Pakistan’s bilateral security dialogues: Topic: Counter-terrorism · Held meetings only<\/dc:title>/,
    );
    expect(core).toContain('<dc:creator>Dialogue Atlas</dc:creator>');
    const all = slides.map(text);
    for (const xml of all) {
      expect(xml).toContain('Source: Dialogue Atlas, published data, from 3 sources');
      expect(xml).toContain('11151B'); // dark background
    }
    for (const xml of all.slice(0, 6)) expect(xml).toContain('Topic: Counter-terrorism · Held meetings only');
    // The sources, for the audience: each article's title, then its date (or that none is stated).
    expect(all[6]).toContain('>Sources<');
    expect(all[6]).toContain('The 5 meetings shown (those matching the filters) are taken from these 3 sources.');
    expect(all[6]).toContain('>Strengthening Pakistan EU Security Cooperation<');
    expect(all[6]).toContain('>publication date not stated<');
    expect(all[6]).toContain('>29 Jun 2025<');
    expect(all[6]).toContain('United States and Pakistan hold discussions on countering terrorism in Islamabad');
    // Map and timeline: SVG pictures (with their PNG fallback) and alt text that follows the filters.
    expect(all[3]).toContain('Afghanistan: Topic: Counter-terrorism · Held meetings only');
    expect(all[4]).toContain('European Union: Topic: Counter-terrorism · Held meetings only');
    expect(all[5]).toContain('United States: Topic: Counter-terrorism · Held meetings only');
    // Each partner's slide is described as its tracks alone.
    expect(all[5]).toMatch(
      /descr="Filtered to topic Counter-terrorism; held meetings only\. Timeline of \d meetings in 1 track with United States \(Counterterrorism Dialogue\)/,
    );
    expect(all[5]).not.toMatch(/descr="[^"]*Bilateral Dialogue/);
    const pictures = all.flatMap((xml) => [...xml.matchAll(/<p:pic>.*?<\/p:pic>/gs)].map((m) => m[0]));
    expect(pictures).toHaveLength(5);
    for (const pic of pictures) {
      expect(pic).toMatch(/descr="[^"]{40,}"/);
      expect(pic).toContain('svgBlip');
      expect(pic).toMatch(/<a:blip r:embed=/);
    }
    expect(all.join('')).toMatch(/descr="Filtered to [^"]*\. Timeline of \d meetings[^"]*: \d held, 0 planned/);
    expect(Object.keys(files).filter((n) => n.endsWith('.svg'))).toHaveLength(5);
    const pngs = Object.keys(files).filter((n) => /^ppt\/media\/.*\.png$/.test(n));
    expect(pngs).toHaveLength(5);
    for (const p of pngs) expect(files[p]!.length).toBeGreaterThan(2000);
    // Topics: a native chart, every axis id with its axis.
    const charts = Object.keys(files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(1);
    const chart = text(charts[0]!);
    expect(chart).toContain('<c:barDir val="bar"/>');
    const defined = [...chart.matchAll(/<c:(?:cat|val|date|ser)Ax>\s*<c:axId val="(\d+)"/g)].map((m) => m[1]);
    for (const m of chart.matchAll(/<c:axId val="(\d+)"/g)) expect(defined).toContain(m[1]);
    expect(chart).toContain('Counter-terrorism');
    // As the topic SVG: every topic, the meetings outside the filters as a grey series of their own.
    expect(chart).toContain('<c:ptCount val="20"/>');
    expect(chart).toContain('not matching the filters');
    // Each topic's total at its bar's end, once (the last series, unfilled), in the dark theme's ink.
    const series = [...chart.matchAll(/<c:ser>.*?<\/c:ser>/gs)].map((m) => m[0]);
    const labelled = series.filter((ser) => ser.includes('<c:showVal val="1"/>'));
    expect(labelled).toEqual([series.at(-1)]);
    expect(labelled[0]).toMatch(/<c:v>Total<\/c:v>.*<a:noFill\/>.*<c:dLblPos val="inBase"\/>/s);
    expect(labelled[0]).toMatch(/<c:dLbls>.*<a:srgbClr val="E8ECF2"\/>.*<\/c:dLbls>/s);
    // Speaker notes carry the description and the sources.
    const notes = Object.keys(files).filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
    expect(notes).toHaveLength(7);
    for (const n of notes) expect(text(n)).toContain('Sources:');
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('slides deck under a filter', () => {
  test('the Sources slide lists only the sources the meetings shown cite, and says so', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('./#/?partner=European%20Union');
    await expect(page.getByTestId('venue-marker').first()).toBeAttached();
    const { bytes } = await saved(page, () => page.getByTestId('export-pptx').click());
    const files = unzipSync(new Uint8Array(bytes));
    const count = Object.keys(files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
    const last = strFromU8(files[`ppt/slides/slide${count}.xml`]!);
    expect(last).toContain('>Sources<');
    expect(last).toContain(
      'The 4 meetings shown (those matching the filters) are taken from this source, one of the 3 the data cites.',
    );
    expect(last).toContain('>Strengthening Pakistan EU Security Cooperation<');
    expect(last).not.toContain('Afghanistan Pledge');
    expect(last).not.toContain('United States and Pakistan hold discussions');
    // The notes cite what the slides draw on, the Sources slide's and a view's alike: a presenter
    // reading them out cites the EU's article only.
    for (const notes of [`ppt/notesSlides/notesSlide${count}.xml`, 'ppt/notesSlides/notesSlide2.xml'].map((n) =>
      strFromU8(files[n]!),
    )) {
      expect(notes).toContain('Sources of the meetings shown (1 of the 3 the data cites):');
      expect(notes).toContain('Strengthening Pakistan EU Security Cooperation');
      expect(notes).not.toContain('Afghanistan Pledge');
      expect(notes).not.toContain('United States and Pakistan hold discussions');
    }
    // Its source line credits what it shows: no map, so not the map's country shapes.
    expect(last).toContain('Source: Dialogue Atlas, published data, from 3 sources');
    expect(last).not.toContain('Natural Earth');
    expect(consoleErrors).toEqual([]);
  });

  test('the map slide sets the filters as the topics slide does, its note on meetings with no venue on a line of its own', async ({
    page,
    consoleErrors,
  }) => {
    // A presenter's filters: appended to them, "· 2 of 3 meetings name no venue and are not on the map"
    // took the SVG's subtitle from 28 px to 19, and the deck's onto two small lines over the legend.
    await page.goto(
      './#/?status=held&partner=United+States&topic=counter-terrorism&topic=intelligence-sharing&from=2023',
    );
    await expect(page.getByTestId('venue-marker').first()).toBeAttached();
    const filters =
      'Partner: United States · Topic: Counter-terrorism or Intelligence sharing · Held meetings only · From 2023';
    const note = '2 of 3 meetings name no venue and are not on the map';
    const texts = async (container: string) => {
      const { bytes } = await saved(page, () => page.getByTestId(container).getByTestId('export-svg').click());
      return page.evaluate((svg) => {
        const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        return [...doc.querySelectorAll('text')].map((t) => ({
          text: t.textContent,
          size: t.getAttribute('font-size'),
          y: Number(t.getAttribute('y')),
        }));
      }, bytes.toString('utf8'));
    };
    const [map, topics] = [await texts('venue-map'), await texts('topic-chart')];
    const subtitle = (all: typeof map) => all.filter((t) => t.text === filters);
    expect(subtitle(topics)).toEqual([{ text: filters, size: '28', y: expect.any(Number) }]);
    expect(subtitle(map)).toEqual(subtitle(topics));
    // The note under the map, above the source line.
    const said = map.find((t) => t.text === note)!;
    expect(said.y).toBeGreaterThan(subtitle(map)[0]!.y + 200);
    expect(said.y).toBeLessThan(map.find((t) => t.text!.startsWith('Source: '))!.y);
    // The deck: the map slide's filters as large as the topics slide's, the note a text box of its own,
    // and still in the map's alt text (which the notes open with).
    const files = unzipSync(new Uint8Array((await saved(page, () => page.getByTestId('export-pptx').click())).bytes));
    const shape = (slide: number, name: string) =>
      [...strFromU8(files[`ppt/slides/slide${slide}.xml`]!).matchAll(/<p:sp>.*?<\/p:sp>/gs)]
        .map((m) => m[0])
        .filter((sp) => sp.includes(`name="${name}"`))
        .map((sp) => ({
          size: /sz="(\d+)"/.exec(sp)?.[1],
          text: [...sp.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''),
        }));
    expect(shape(2, 'Filters')).toEqual([{ size: '1300', text: filters }]);
    expect(shape(1, 'Filters')).toEqual(shape(2, 'Filters'));
    expect(shape(1, 'Note')).toEqual([{ size: '1000', text: note }]);
    expect(strFromU8(files['ppt/slides/slide1.xml']!)).toMatch(
      new RegExp(`<p:pic>.*descr="[^"]*${note}\\.".*</p:pic>`, 's'),
    );
    expect(strFromU8(files['ppt/notesSlides/notesSlide1.xml']!)).toContain(`${note}.`);
    expect(consoleErrors).toEqual([]);
  });

  test('speaker notes name every filter in full, where a subtitle summarises them', async ({ page, consoleErrors }) => {
    const topics = readFileSync('data/topics.csv', 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    await page.goto(`./#/?${topics.map(([id]) => `topic=${id}`).join('&')}&status=held`);
    await expect(page.getByTestId('venue-marker').first()).toBeAttached();
    const { bytes } = await saved(page, () => page.getByTestId('export-pptx').click());
    const files = unzipSync(new Uint8Array(bytes));
    const slide = strFromU8(files['ppt/slides/slide2.xml']!);
    // The slide's subtitle has room for a few names only…
    expect(slide).toMatch(/and \d+ more topics · Held meetings only/);
    // …its notes name every topic.
    const notes = strFromU8(files['ppt/notesSlides/notesSlide2.xml']!);
    const showing = /Showing: ([^<\n]*)/.exec(notes)![1]!;
    expect(showing).not.toContain('more topic');
    for (const [, label] of topics) expect(showing).toContain(label!.replace(/^"|"$/g, '').replace(/&/g, '&amp;'));
    expect(showing).toContain(' · Held meetings only.');
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('alt text and popovers', () => {
  test('alt text follows the filters in every view', async ({ page }) => {
    await page.goto('./#/?topic=counter-terrorism&status=held');
    await expect(page.getByTestId('venue-marker').first()).toBeAttached();
    const alt = async (container: string) => {
      await page.getByTestId(container).getByRole('button', { name: 'Alt text' }).click();
      return page.getByTestId(container).getByTestId('alt-text').textContent();
    };
    const cadence = await alt('cadence-chart');
    expect(cadence).toMatch(
      /^Filtered to topic Counter-terrorism; held meetings only\. Timeline of \d meetings .*: \d held, 0 planned\./,
    );
    expect(cadence).not.toMatch(/9 meetings/);
    const map = await alt('venue-map');
    expect(map).not.toMatch(/planned\)/);
    expect(await alt('topic-chart')).toMatch(/^Filtered to topic Counter-terrorism; held meetings only\. Bar chart of/);
  });

  test('one popover at a time; Escape and an outside click close it', async ({ page }) => {
    await page.goto('./');
    const topics = page.getByTestId('topic-chart').getByRole('toolbar');
    const map = page.getByTestId('venue-map').getByRole('toolbar');
    await topics.getByRole('button', { name: 'Slide' }).click();
    await expect(topics.getByRole('group', { name: 'Slide settings' })).toBeVisible();
    await topics.getByRole('button', { name: 'Embed' }).click();
    await expect(topics.getByRole('group', { name: 'Slide settings' })).toBeHidden();
    await expect(topics.getByTestId('embed-code')).toBeVisible();
    await map.getByRole('button', { name: 'Alt text' }).click();
    await expect(topics.getByTestId('embed-code')).toBeHidden();
    await expect(map.getByTestId('alt-text')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(map.getByTestId('alt-text')).toBeHidden();
    await expect(map.getByRole('button', { name: 'Alt text' })).toBeFocused();
    await map.getByRole('button', { name: 'Slide' }).click();
    await expect(map.getByRole('group', { name: 'Slide settings' })).toBeVisible();
    await page.mouse.click(5, 5);
    await expect(map.getByRole('group', { name: 'Slide settings' })).toBeHidden();
  });

  test('Tab leaving a popover closes it: a later Escape stays where the keyboard is', async ({ page }) => {
    await page.goto('./');
    const map = page.getByTestId('venue-map').getByRole('toolbar');
    for (const name of ['Embed', 'Alt text', 'Slide']) {
      await map.getByRole('button', { name }).focus();
      await page.keyboard.press('Enter');
      await expect(map.getByRole('button', { name })).toHaveAttribute('aria-expanded', 'true');
      // On, by Tab, to the timeline far below: a meeting's details opened there.
      const mark = page.getByTestId('cadence-mark').first();
      await mark.focus();
      await expect(map.getByRole('button', { name })).toHaveAttribute('aria-expanded', 'false');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('meeting-details')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('meeting-details')).toBeHidden();
      await expect(map.getByRole('button', { name })).not.toBeFocused();
    }
  });
});

test('presenting from a phone on its side to a 1080p projector: chart type stays readable, the controls off the view', async ({
  page,
}) => {
  for (const [width, height] of [
    [844, 390],
    [768, 1024],
    [1024, 768],
    [1280, 720],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const view of ['topics', 'cadence', 'map'] as const) {
      const size = `${width}×${height} ${view}`;
      await page.goto(`./#/present/${view}`);
      await expect(
        page
          .getByTestId(view === 'topics' ? 'topic-bar' : view === 'cadence' ? 'cadence-mark' : 'venue-marker')
          .first(),
      ).toBeAttached();
      await page.waitForTimeout(300);
      const m = await page.evaluate(() => {
        const controls = document.querySelector('[data-testid="present-controls"]')!.getBoundingClientRect();
        const map = document.querySelector('.leaflet-container');
        // The map's whole box (its credit in the corner); a chart's SVG, whose text is measured too.
        const view = (map ?? document.querySelector('.scaled svg'))!.getBoundingClientRect();
        const overlap = view.bottom > controls.top && view.right > controls.left;
        if (map) return { smallest: 9, overlap };
        const scaled = document.querySelector('.scaled') as HTMLElement;
        const scale = scaled.getBoundingClientRect().width / scaled.offsetWidth;
        const sizes = [...scaled.querySelectorAll('text')]
          .filter((t) => t.getBoundingClientRect().height > 0 && (t.textContent ?? '').trim())
          .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
        return { smallest: Math.min(...sizes), overlap };
      });
      expect(m.smallest, size).toBeGreaterThanOrEqual(9);
      expect(m.overlap, size).toBe(false);
      // Each track named in full where the frame has room (not "Additional Secretary-le…").
      if (view === 'cadence' && width >= 768) {
        const cut = await page
          .locator('.track')
          .evaluateAll((ts) => ts.filter((t) => t.textContent!.includes('…')).length);
        expect(cut, size).toBe(0);
      }
    }
  }
});

test('presenting the timeline on a phone, upright or on its side: its axis names the first year drawn and the last, no label over another', async ({
  page,
}) => {
  for (const [width, height] of [
    [320, 640],
    [360, 740],
    [390, 844],
    [640, 320],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('./#/present/cadence');
    await expect(page.getByTestId('cadence-mark').first()).toBeAttached();
    await page.waitForTimeout(300);
    const size = `${width}×${height}`;
    const axis = await page.evaluate(() => {
      const svg = document.querySelector('.scaled svg')!;
      const labels = [...svg.querySelectorAll('text.tick')];
      const years = labels.filter((t) => /^\d{4}$/.test(t.textContent!));
      // The first year's rule (the axis's start), where the first label starts 4 px after it.
      const rules = [...svg.querySelectorAll('line.grid:not(.minor)')].map((l) => Number(l.getAttribute('x1')));
      return {
        years: years.map((t) => t.textContent!),
        firstRuleLabelled:
          years.length > 0 && Math.abs(Number(years[0]!.getAttribute('x')) - (Math.min(...rules) + 4)) < 0.5,
        boxes: labels.map((t) => {
          const b = t.getBoundingClientRect();
          return { text: t.textContent!, left: b.left, right: b.right };
        }),
      };
    });
    // The data starts in 2023: upright, every track is drawn from it ("2024 … 2027" at 320 × 640, before).
    if (height > width) expect(axis.years[0], size).toBe('2023');
    expect(axis.firstRuleLabelled, `${size}: ${axis.years.join(', ')}`).toBe(true);
    expect(axis.years.at(-1), size).toBe('2027');
    const boxes = axis.boxes.sort((a, b) => a.left - b.left);
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i]!.left, `${size}: ${boxes[i - 1]!.text} and ${boxes[i]!.text}`).toBeGreaterThan(
        boxes[i - 1]!.right,
      );
  }
});

test('presenting on a phone held upright (390 × 844), the view takes most of the screen, not the title and keys', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // The chart's or map's share of the screen's height. Before, a room-sized title (three lines) and keys
  // left the timeline 43%, the topics 57% and the map 55%.
  for (const [view, least] of [
    ['cadence', 0.55],
    ['topics', 0.65],
    ['map', 0.6],
  ] as const) {
    await page.goto(`./#/present/${view}`);
    await expect(
      page.getByTestId(view === 'topics' ? 'topic-bar' : view === 'cadence' ? 'cadence-mark' : 'venue-marker').first(),
    ).toBeAttached();
    await page.waitForTimeout(300);
    const m = await page.evaluate(() => {
      const h1 = document.querySelector('.single h1')!;
      const shown = (document.querySelector('.leaflet-container') ?? document.querySelector('.scaled'))!;
      return {
        share: shown.getBoundingClientRect().height / innerHeight,
        // The title is whole, wrapped rather than cut.
        titleCut: h1.scrollWidth > h1.clientWidth + 1 || h1.scrollHeight > h1.clientHeight + 1,
      };
    });
    expect(m.share, view).toBeGreaterThanOrEqual(least);
    expect(m.titleCut, view).toBe(false);
  }
});

test('Present’s timeline says on which day its “overdue” marks were judged, as its slide does', async ({ page }) => {
  await page.goto('./#/present/cadence');
  const source = page.getByTestId('present-source');
  await expect(page.getByTestId('cadence-expected').first()).toBeAttached();
  // The test's day (TEST_TODAY, 21 Nov 2026), in the deck's words.
  await expect(source).toHaveText(
    'Source: Dialogue Atlas, published data, from 3 sources; data as of 12 Aug 2025; “overdue” as of 21 Nov 2026',
  );
  // On a phone held upright it takes a third line rather than cutting off the day, above the controls,
  // and the chart (its "today" too) ends above it. Two lines cut it: "“overdue” as of 2…".
  for (const [width, height] of [
    [390, 844],
    [320, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(source).toContainText('“overdue” as of 21 Nov 2026');
    await page.waitForTimeout(300);
    const m = await page.evaluate(() => {
      const line = document.querySelector('[data-testid="present-source"]')!;
      const box = line.getBoundingClientRect();
      return {
        cut: line.scrollHeight > line.clientHeight + 1,
        chartEnd: document.querySelector('.scaled')!.getBoundingClientRect().bottom,
        top: box.top,
        bottom: box.bottom,
        controls: document.querySelector('[data-testid="present-controls"]')!.getBoundingClientRect().top,
      };
    });
    expect(m.cut, `${width} px`).toBe(false);
    expect(m.chartEnd, `${width} px`).toBeLessThanOrEqual(m.top);
    expect(m.bottom, `${width} px`).toBeLessThanOrEqual(m.controls);
  }
  // Views that mark nothing overdue do not say it.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('present-view')).toHaveAttribute('data-view', 'topics');
  await expect(source).not.toContainText('overdue');
  // Nor does a timeline whose tracks drawn are none of them overdue (Afghanistan's next round has no date).
  await page.goto('./#/present/cadence?partner=Afghanistan');
  await expect(page.getByTestId('cadence-mark')).toHaveCount(2);
  await expect(source).toHaveText(/data as of/);
  await expect(source).not.toContainText('overdue');
});

test('presenting on a 1920×1080 screen: the timeline fills its room, its keys and the buttons grow with the screen', async ({
  page,
}) => {
  /** The timeline's band above its axis, and how large its keys, source and buttons are drawn. */
  const measure = () =>
    page.evaluate(() => {
      const px = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
      const frame = document.querySelector('.frame')!.getBoundingClientRect();
      const chart = document.querySelector('.scaled')!.getBoundingClientRect();
      return {
        bandAbove: Math.round(chart.top - frame.top),
        unfilled: Math.round(frame.height - chart.height),
        legend: px('.partner-legend'),
        key: px('.shape-key .key-shown .key'),
        keyHeight: document.querySelector('.shape-key .key-shown .key')!.getBoundingClientRect().height,
        source: px('[data-testid="present-source"]'),
        button: document.querySelector('[data-testid="present-controls"] button')!.getBoundingClientRect().height,
      };
    });
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('./#/present/cadence');
    await expect(page.getByTestId('cadence-mark').first()).toBeAttached();
    await expect(page.getByTestId('present-controls')).toBeVisible();
    await page.waitForTimeout(300);
    const m = await measure();
    const size = `${width}×${height}`;
    // The chart grows until it meets the frame's height (at 1920×1080 it stopped at 1.8×, 74 px below the key).
    expect(m.bandAbove, size).toBeLessThanOrEqual(2);
    expect(m.unfilled, size).toBeLessThanOrEqual(24);
    if (width === 1920) {
      // Read across a room: 21.6, 19.4 and 17.3 px and 44 px buttons, a laptop's sizes, before.
      expect(m.legend, size).toBeGreaterThanOrEqual(24);
      expect(m.key, size).toBeGreaterThanOrEqual(22);
      expect(m.source, size).toBeGreaterThanOrEqual(19);
      expect(m.button, size).toBeGreaterThanOrEqual(56);
      // Its key stays on one line, not taking a second from the chart's room.
      expect(m.keyHeight, size).toBeLessThan(m.key * 2);
    } else {
      // A laptop's screen keeps its sizes.
      expect(m, size).toMatchObject({ legend: 14.4, key: 12.96, source: 12, button: 44 });
    }
  }
});

test('presenting under filtered topics, the line under the title names them where they fit on two lines, else counts them as before', async ({
  page,
}) => {
  const six = [
    'counter-terrorism',
    'migration',
    'border-security',
    'intelligence-sharing',
    'refugees',
    'militant-groups',
  ];
  const names =
    'Counter-terrorism or Migration and mobility or Border security and management or Intelligence sharing or Refugee management or Militant groups (TTP)';
  const all = readFileSync('data/topics.csv', 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => row.split(',')[0]!);
  expect(all.length).toBeGreaterThan(12);
  for (const [width, height, topics, words] of [
    // 153 characters, past a title's 100: "Counter-terrorism, … and 3 more topics" before, with room for every name on two lines.
    [1920, 1080, six, new RegExp(`^Topic: ${names.replace(/[()]/g, '\\$&')}$`)],
    [1280, 720, six, new RegExp(`^Topic: ${names.replace(/[()]/g, '\\$&')}$`)],
    // A phone has no room for them on two lines: summarised to a title's length, as before.
    [390, 844, six, /^Counter-terrorism, Migration and mobility, Border security and management and 3 more topics$/],
    // Every topic: as many named as two lines hold, the rest counted.
    [1920, 1080, all, /, .+ and \d+ more topics$/],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(`./#/present/topics?${topics.map((t) => `topic=${t}`).join('&')}`);
    await expect(page.getByTestId('topic-bar').first()).toBeAttached();
    const line = page.locator('header .subtitle .filters');
    const size = `${width}×${height}, ${topics.length} topics`;
    await expect(line, size).toHaveText(words);
    const lines = await line.evaluate((span) => span.getClientRects().length);
    expect(lines, size).toBeLessThanOrEqual(width < 600 ? 3 : 2);
  }
});

test('presenting the topics at 1280×720 with six topics named, every bar is drawn inside the screen, its names as large as before', async ({
  page,
}) => {
  // The filter line naming six topics takes a second line: at 1280×720 the chart had room for 19 rows
  // of 24 px, and "War in Ukraine" went ("and 1 more topic, in 1 meeting"). Present's bars are not
  // targets: its rows are a little shorter instead.
  const six = ['counter-terrorism', 'migration', 'refugees', 'kashmir', 'consular', 'border-security'];
  const total = readFileSync('data/topics.csv', 'utf8').trim().split('\n').length - 1;
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height });
      await page.goto('about:blank');
      await page.goto(`./#/present/topics?${six.map((t) => `topic=${t}`).join('&')}`);
      const size = `${width}×${height} ${colorScheme}`;
      await expect(page.getByTestId('topic-bar'), size).toHaveCount(total);
      await expect(page.getByTestId('topics-left-out'), size).toHaveCount(0);
      for (const topic of six)
        await expect(page.locator(`[data-testid="topic-bar"][data-topic="${topic}"]`)).toBeVisible();
      const drawn = await page.getByTestId('topic-chart').evaluate((chart) => {
        const bars = [...chart.querySelectorAll('[data-testid="topic-bar"]')].map((b) => b.getBoundingClientRect());
        const names = [...chart.querySelectorAll('svg text.label')].map((t) => t.getBoundingClientRect().height);
        return {
          outside: bars.filter((b) => b.top < 0 || b.bottom > innerHeight || b.height === 0).length,
          smallest: Math.min(...names),
        };
      });
      expect(drawn.outside, size).toBe(0);
      // Its names' line boxes, 14 px at 1280×720 as before.
      expect(drawn.smallest, size).toBeGreaterThanOrEqual(width === 1280 ? 14 : 20);
    }
});

test('presenting the map on a 1920×1080 screen: its zoom buttons and credit grow as Present’s own buttons and keys do', async ({
  page,
}) => {
  const sizes: Record<string, { zoom: number; layers: number; credit: number }> = {};
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    // A fresh load at each size: the same address again is no navigation, and a size read at once could be the last one's.
    await page.goto('about:blank');
    await page.goto('./#/present/map');
    await expect(page.getByTestId('venue-marker').first()).toBeAttached();
    await expect(page.locator('.leaflet-control-zoom-in')).toBeVisible();
    sizes[width] = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      return {
        zoom: box('.leaflet-control-zoom-in').height,
        layers: box('.leaflet-control-layers').height,
        credit: box('.leaflet-control-attribution').height,
      };
    });
  }
  // A laptop's screen keeps Leaflet's sizes: 30 px buttons.
  expect(sizes[1280]!.zoom).toBe(30);
  // Past a shorter side of 800 px, the buttons grow as Present's own (44 to 59 px: 1.35×), the credit as the keys (1.16×).
  expect(sizes[1920]!.zoom).toBeGreaterThanOrEqual(sizes[1280]!.zoom * 1.3);
  expect(sizes[1920]!.layers).toBeGreaterThanOrEqual(sizes[1280]!.layers * 1.3);
  expect(sizes[1920]!.credit).toBeGreaterThanOrEqual(sizes[1280]!.credit * 1.1);
});

test('presenting the map on a 1920×1080 screen: the venues’ dots and rings grow with their names', async ({ page }) => {
  const sizes: Record<string, { brussels: number; kabul: number }> = {};
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    // A fresh load at each size: the same address again is no navigation, and a size read at once could be the last one's.
    await page.goto('about:blank');
    await page.goto('./#/present/map');
    await expect(page.getByTestId('venue-marker')).toHaveCount(3);
    sizes[width] = await page.evaluate(() => {
      const dot = (name: string) =>
        [...document.querySelectorAll('[data-testid="venue-marker"]')]
          .find((m) => m.querySelector('.venue-label bdi')?.textContent === name)!
          .querySelector('.venue-dot')!
          .getBoundingClientRect().width;
      return { brussels: dot('Brussels'), kabul: dot('Kabul') };
    });
  }
  // A laptop's screen keeps the page's sizes; a room's screen grows them as Present's buttons (1.35×).
  expect(sizes[1920]!.brussels).toBeGreaterThanOrEqual(sizes[1280]!.brussels * 1.3);
  expect(sizes[1920]!.kabul).toBeGreaterThanOrEqual(sizes[1280]!.kabul * 1.3);
});

test('presenting the map, the arrow keys still step after a click on the map (the map took them to pan)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./#/present/map');
  await expect(page.getByTestId('venue-marker')).toHaveCount(3);
  const map = page.locator('.leaflet-container');
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.15, box.y + box.height * 0.85);
  await expect(map).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page).not.toHaveURL(/#\/present\/map/);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/#\/present\/map/);
  // A venue's popup still closes on Escape, and the presentation stays.
  await expect(page.getByTestId('venue-marker')).toHaveCount(3);
  await page.getByTestId('venue-marker').first().click();
  await expect(page.locator('.leaflet-popup')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.leaflet-popup')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/present\/map/);
});

test('zoomed in, a venue out of view stays out of view: not pulled to the map’s edge under its buttons', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./#/present/map');
  await expect(page.getByTestId('venue-marker')).toHaveCount(3);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForTimeout(800);
  const drawn = await page.evaluate(() => {
    const map = document.querySelector('.leaflet-container')!.getBoundingClientRect();
    const zoom = document.querySelector('.leaflet-control-zoom')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('[data-testid="venue-marker"]')].map((m) => {
      const r = m.getBoundingClientRect();
      const inside = r.right > map.left && r.left < map.right && r.bottom > map.top && r.top < map.bottom;
      const underZoom = r.right > zoom.left && r.left < zoom.right && r.bottom > zoom.top && r.top < zoom.bottom;
      return { id: m.dataset.venueId, inside, underZoom, offset: m.dataset.offset };
    });
  });
  // Brussels is far west of the view now: drawn where it is (off the map), not moved in.
  expect(drawn.find((d) => d.id === 'brussels')).toMatchObject({ inside: false, underZoom: false });
  expect(drawn.filter((d) => d.underZoom)).toEqual([]);
});

/** Each venue name drawn over another venue's dot or drawn name, as "name / other". */
const coveredNames = (page: Page) =>
  page.evaluate(() => {
    const drawn = [...document.querySelectorAll<HTMLElement>('[data-testid="venue-marker"]')].map((m) => {
      const label = m.querySelector('.venue-label')!;
      // A marker moved apart from others: where it really is, at its leader line's end.
      const [dx, dy] = (m.dataset.offset ?? '0,0').split(',').map(Number) as [number, number];
      const box = m.getBoundingClientRect();
      const [x, y] = [box.left + box.width / 2 - dx, box.top + box.height / 2 - dy];
      return {
        id: m.dataset.venueId,
        shown: getComputedStyle(label).visibility !== 'hidden',
        dot: m.querySelector('.venue-dot')!.getBoundingClientRect(),
        place: dx || dy ? new DOMRect(x - 2, y - 2, 4, 4) : null,
        label: label.getBoundingClientRect(),
      };
    });
    const meets = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 1 && a.right > b.left + 1 && a.top < b.bottom - 1 && a.bottom > b.top + 1;
    const map = document.querySelector('.venue-map')!.getBoundingClientRect();
    const controls = [...document.querySelectorAll('.venue-map .leaflet-control')].map((c) =>
      c.getBoundingClientRect(),
    );
    return drawn
      .filter((d) => d.shown)
      .flatMap((d) => [
        ...drawn
          .filter((o) => o !== d && (meets(d.label, o.dot) || (o.shown && meets(d.label, o.label))))
          .map((o) => `${d.id} / ${o.id}`),
        // Nor over the place another venue's leader line points to: it would read as that venue's name.
        ...drawn.filter((o) => o !== d && o.place && meets(d.label, o.place)).map((o) => `${d.id} / ${o.id}'s place`),
        // Nor under the map's buttons and credit, nor cut by its edge.
        ...(controls.some((c) => meets(d.label, c)) ? [`${d.id} / a map control`] : []),
        ...(d.label.left < map.left - 1 || d.label.right > map.right + 1 ? [`${d.id} / the map's edge`] : []),
      ]);
  });

test('the map with many venues (all-new data), in Present and on a 320 px phone: no venue name lies over another name or dot', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.getByTestId('cadence-mark')).toHaveCount(9);
  await applyAllNewFivePartners(page);
  await page.setViewportSize({ width: 844, height: 390 });
  await page.goto('./#/present/map');
  await expect(page.getByTestId('venue-marker')).toHaveCount(8);
  await page.waitForTimeout(800);
  expect(await coveredNames(page)).toEqual([]);
  // A wide screen: Berlin stays in place, "London 5" going to London's left rather than over Berlin's marker.
  // Then eight venues across Eurasia in a 260 px map: names go above or below where neither side is
  // clear, or are hidden (the marker still names its venue) rather than lying half under a dot.
  for (const [width, height] of [
    [1920, 1080],
    [320, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('./');
    await expect(page.getByTestId('venue-marker')).toHaveCount(8);
    await page.getByTestId('venue-map').scrollIntoViewIfNeeded();
    await page.waitForTimeout(800);
    expect(await coveredNames(page), `${width} px`).toEqual([]);
    // Nothing is near Berlin there: it was drawn 20 px north, over the Baltic, off London's name.
    if (width === 1920)
      await expect(page.locator('[data-testid="venue-marker"][data-venue-id="berlin"]')).toHaveAttribute(
        'data-offset',
        '0,0',
      );
  }
  const shown = await page
    .locator('[data-testid="venue-marker"] .venue-label')
    .evaluateAll((ls) => ls.filter((l) => getComputedStyle(l).visibility !== 'hidden').length);
  expect(shown).toBeGreaterThanOrEqual(6);
  // Dragged up: names near the buttons and venues leaving the map are placed again, none cut or covered.
  const map = (await page.getByTestId('venue-map').locator('.leaflet-container').boundingBox())!;
  await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
  await page.mouse.down();
  await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2 - 80, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(800);
  expect(await coveredNames(page)).toEqual([]);
  await expect(page.locator('[data-testid="venue-marker"][data-venue-id="madrid"]')).toHaveAttribute(
    'aria-label',
    /^Madrid/,
  );
});

test('presenting the map on a phone (touch, upright): Kabul’s dashed marker keeps its name, clear of “Islamabad 3”', async ({
  browser,
}) => {
  for (const [width, height, colorScheme] of [
    [390, 844, 'dark'],
    [360, 740, 'light'],
  ] as const) {
    const context = await browser.newContext({
      viewport: { width, height },
      hasTouch: true,
      isMobile: true,
      colorScheme,
    });
    const page = await context.newPage();
    await page.goto('./#/present/map');
    await expect.poll(() => page.locator('[data-testid="venue-marker"][data-offset]').count()).toBe(3);
    // Its left spot touched the foot of "Islamabad 3" (above Islamabad) by a pixel or two, so it was hidden.
    await expect(page.locator('[data-venue-id="kabul"] .venue-label')).toBeVisible();
    await expect(page.locator('[data-venue-id="kabul"] .venue-label')).toHaveText('Kabul');
    await expect(page.locator('[data-venue-id="kabul"] .venue-count')).toHaveAttribute('data-count', '1');
    expect(await coveredNames(page), `${width}×${height}`).toEqual([]);
    await context.close();
  }
});

/**
 * Applies twelve tracks of one meeting each, track k (from 0) last meeting in 2014 + k, so track 12 is
 * the most recent; each track's partner from `partnerOf`.
 */
async function applyTwelveTracks(page: Page, partnerOf: (k: number) => string = () => 'United States') {
  await page.goto('./');
  await expect(page.getByTestId('cadence-mark')).toHaveCount(9);
  const header = readFileSync('data/dialogues.csv', 'utf8').split('\n')[0];
  const rows = Array.from(
    { length: 12 },
    (_, k) =>
      `t${k + 1},${2014 + k}-03-01,held,${partnerOf(k)},Track ${String(k + 1).padStart(2, '0')},1,,islamabad,counter-terrorism,,,s3,q,s`,
  );
  await page
    .getByTestId('upload')
    .locator('input[type=file]')
    .setInputFiles({ name: 'tracks.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
  await page.getByTestId('upload-apply').click();
  await page.getByTestId('upload-apply').click();
  await expect(page.getByTestId('cadence-mark')).toHaveCount(12);
}

/** A box on the screen: left, right, top and bottom, in px. */
type Box = { left: number; right: number; top: number; bottom: number };

/**
 * The timeline embedded in a `width`×`height` frame, in `theme`, as drawn: each lane's name, its marks
 * (with the outline drawn half outside each shape), its "overdue" words, and the "today" line's x.
 */
async function embeddedLanes(page: Page, baseURL: string | undefined, width: number, height: number, theme: string) {
  await page.setContent(
    `<iframe src="${baseURL}#/embed/cadence?theme=${theme}" width="${width}" height="${height}" style="border:0"></iframe>`,
  );
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('cadence-mark').first()).toBeVisible();
  await expect(frame.locator('html')).toHaveAttribute('data-theme', theme);
  await page.waitForTimeout(300);
  return frame.locator('html').evaluate(() => {
    const box = (e: Element, grow = 0): Box => {
      const b = e.getBoundingClientRect();
      return { left: b.left - grow, right: b.right + grow, top: b.top - grow, bottom: b.bottom + grow };
    };
    const drawn = (e: SVGGraphicsElement) =>
      box(e, (parseFloat(getComputedStyle(e).strokeWidth) / 2) * (e.getScreenCTM()?.a ?? 1));
    const lanes = [...document.querySelectorAll('g.lane')].map((g) => ({
      name: g.querySelector('text.track title')!.textContent!,
      label: box(g.querySelector('text.track')!),
      marks: [
        ...g.querySelectorAll<SVGGraphicsElement>(
          '[data-testid="cadence-mark"] :is(circle, rect):not(.hit, .ring), [data-testid="cadence-expected"] path',
        ),
      ].map(drawn),
      overdue: [...g.querySelectorAll('text')].filter((t) => t.textContent!.trim() === 'overdue').map((t) => box(t)),
    }));
    const today = document.querySelector('line.today')!.getBoundingClientRect();
    return { lanes, today: (today.left + today.right) / 2 };
  });
}

test.describe('embeds designed for their frame', () => {
  for (const view of ['topics', 'cadence'] as const) {
    test(`${view}: at 300×250 no text under 9 px; at 1280×720 the chart fills at least 70% of the frame`, async ({
      page,
      baseURL,
    }) => {
      const target = view === 'topics' ? 'topic-chart' : 'cadence-chart';
      for (const [w, h] of [
        [300, 250],
        [320, 360],
        [640, 360],
        [1280, 720],
      ] as const) {
        await page.setContent(
          `<iframe src="${baseURL}#/embed/${view}" width="${w}" height="${h}" style="border:0"></iframe>`,
        );
        const frame = page.frameLocator('iframe');
        await expect(frame.getByTestId(view === 'topics' ? 'topic-bar' : 'cadence-mark').first()).toBeAttached();
        await page.waitForTimeout(300);
        const m = await frame.locator('html').evaluate((html, id) => {
          const scaled = document.querySelector('.scaled') as HTMLElement;
          const scale = scaled.getBoundingClientRect().width / scaled.offsetWidth;
          const texts = [...document.querySelectorAll('[data-testid="embed-view"] :is(text, p, h1, li, span)')]
            .filter((t) => t.getBoundingClientRect().height > 0 && (t.textContent ?? '').trim())
            .map((t) => {
              const inChart = scaled.contains(t);
              return {
                text: t.textContent!.trim().slice(0, 30),
                px: parseFloat(getComputedStyle(t).fontSize) * (inChart ? scale : 1),
              };
            });
          const chart = document.querySelector(`[data-testid="${id}"] svg`)!.getBoundingClientRect();
          return {
            smallest: texts.reduce((a, b) => (b.px < a.px ? b : a)),
            fill: (chart.width * chart.height) / (html.clientWidth * html.clientHeight),
            overflow: html.scrollHeight - html.clientHeight + html.scrollWidth - html.clientWidth,
          };
        }, target);
        expect(m.smallest.px, `${w}×${h}: “${m.smallest.text}”`).toBeGreaterThanOrEqual(9);
        // Taller than a banner, the title is whole: it wraps rather than ending in “…”.
        if (h > 250)
          expect(await frame.locator('h1').evaluate((h1) => h1.scrollWidth <= h1.clientWidth), `${w}×${h}`).toBe(true);
        expect(m.overflow).toBeLessThanOrEqual(0);
        if (w === 1280) expect(m.fill).toBeGreaterThanOrEqual(0.7);
      }
    });
  }

  test('the topic chart’s axis title “meetings” lies whole inside its SVG, in embeds and in Present from 300×250 to 1920×1080', async ({
    page,
  }) => {
    for (const [mode, w, h] of [
      ['embed', 1200, 675],
      ['embed', 300, 250],
      ['embed', 1920, 1080],
      ['present', 1920, 1080],
      ['present', 1280, 720],
    ] as const) {
      const size = `${mode} ${w}×${h}`;
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`./#/${mode}/topics`);
      await expect(page.getByTestId('topic-bar').first()).toBeAttached();
      await page.waitForTimeout(300);
      const out = await page.locator('.axis-title').evaluate((title) => {
        const t = title.getBoundingClientRect();
        const svg = title.closest('svg')!.getBoundingClientRect();
        return {
          top: svg.top - t.top,
          right: t.right - svg.right,
          bottom: t.bottom - svg.bottom,
          left: svg.left - t.left,
        };
      });
      // Its foot was 1.1 px below the SVG at 1200×675 and 1.6 px presenting at 1920×1080, clipped.
      for (const [edge, by] of Object.entries(out)) expect(by, `${size}: past the ${edge}`).toBeLessThanOrEqual(0);
    }
  });

  test('a short topics embed filtered by a topic draws its bar, before the topics tied with it', async ({ page }) => {
    // Refugee management's one meeting discussed eight topics: each 1 under the filter, and the
    // three rows of a 300×250 frame went to those first in the page's order.
    await page.setViewportSize({ width: 300, height: 250 });
    await page.goto('./#/embed/topics?topic=refugees');
    await expect(page.getByTestId('topic-bar').first()).toBeAttached();
    await expect(page.getByTestId('topic-bar')).toHaveCount(3);
    await expect(page.locator('[data-testid="topic-bar"][data-topic="refugees"]')).toHaveAttribute(
      'data-visible-count',
      '1',
    );
    await expect(page.getByTestId('topics-left-out')).toHaveText('and 17 more topics, each in 1 meeting or fewer');
  });

  test('a small timeline embed keeps the marks of adjacent lanes apart: no planned pill touches the one above', async ({
    page,
    baseURL,
  }) => {
    for (const [w, h] of [
      [480, 270],
      [300, 250],
    ] as const)
      for (const theme of ['light', 'dark']) {
        const { lanes } = await embeddedLanes(page, baseURL, w, h, theme);
        expect(lanes.length, `${w}×${h}`).toBe(6);
        for (const [i, lane] of lanes.slice(1).entries()) {
          const above = lanes[i]!;
          for (const a of above.marks)
            for (const b of lane.marks.filter((m) => m.left < a.right && m.right > a.left))
              // Outline to outline: dashed pills 1 px apart read as touching.
              expect(b.top - a.bottom, `${w}×${h} ${theme}: ${above.name} / ${lane.name}`).toBeGreaterThanOrEqual(2);
        }
      }
  });

  test('a small timeline embed keeps its “overdue” words clear of the “today” line, each next to its mark or left out', async ({
    page,
    baseURL,
  }) => {
    // The two planned rounds of 2025 and the Counterterrorism Dialogue's expected round are overdue. The
    // line is 18–40 px past the end of 2025, the two rounds' span: their words, set after the line, were
    // 24–46 px from their marks (at 480×270, as far from them as from the next year's start); the marks'
    // names say it instead. The expected round's word starts just after the line.
    for (const [w, h, shown] of [
      [480, 270, 1],
      [400, 300, 1],
      [300, 250, 1],
    ] as const)
      for (const theme of ['light', 'dark']) {
        const { lanes, today } = await embeddedLanes(page, baseURL, w, h, theme);
        const words = lanes.flatMap((l) => l.overdue.map((box) => ({ name: l.name, box, marks: l.marks })));
        expect(words.length, `${w}×${h}`).toBe(shown);
        for (const { name, box, marks } of words) {
          const where = `${w}×${h} ${theme}: ${name}'s “overdue” (${box.left.toFixed(1)}–${box.right.toFixed(1)})`;
          expect(today < box.left - 1 || today > box.right + 1, `${where} against “today” at ${today.toFixed(1)}`).toBe(
            true,
          );
          const off = Math.min(
            ...marks.map((m) =>
              Math.max(box.left - m.right, m.left - box.right, box.top - m.bottom, m.top - box.bottom, 0),
            ),
          );
          expect(off, `${where}: px from its mark`).toBeLessThanOrEqual(12);
        }
      }
  });

  test('a small timeline embed ends each track’s name before the lane’s first mark', async ({ page, baseURL }) => {
    for (const [w, h] of [
      [300, 250],
      [400, 300],
      [480, 270],
    ] as const)
      for (const theme of ['light', 'dark']) {
        const { lanes } = await embeddedLanes(page, baseURL, w, h, theme);
        for (const lane of lanes) {
          const first = Math.min(...lane.marks.map((m) => m.left));
          expect(first - lane.label.right, `${w}×${h} ${theme}: ${lane.name}`).toBeGreaterThanOrEqual(2);
        }
      }
  });

  test('the Embed code’s timeline sizes (800×500, 800×450, 640×360) write every track’s name whole in 12 px; 800×500 and 800×450 draw the intervals, keyed', async ({
    page,
    baseURL,
  }) => {
    for (const [w, h, intervals] of [
      [800, 500, true],
      [800, 450, true],
      [640, 360, false],
    ] as const)
      for (const theme of ['light', 'dark']) {
        const { lanes } = await embeddedLanes(page, baseURL, w, h, theme);
        const frame = page.frameLocator('iframe');
        const names = await frame.locator('g.lane text.track').evaluateAll((ts) =>
          ts.map((t) => ({
            shown: [...t.querySelectorAll('tspan')].map((s) => s.textContent!.trim()).join(' '),
            px: parseFloat(getComputedStyle(t).fontSize),
          })),
        );
        expect(
          names.map((n) => n.shown.replace(/[\u2066-\u2069]/g, '')),
          `${w}×${h} ${theme}`,
        ).toEqual(lanes.map((l) => l.name));
        for (const n of names) expect(n.px, `${w}×${h} ${theme}: ${n.shown}`).toBe(12);
        // The Counterterrorism Dialogue's three held rounds: "14 mo" and "15 mo", and the key's interval.
        await expect(frame.locator('main g.gap'), `${w}×${h} ${theme}`).toHaveCount(intervals ? 2 : 0);
        await expect(frame.locator('.key-shown .intervals'), `${w}×${h} ${theme}`).toBeVisible({
          visible: intervals,
        });
        const clear = await frame.locator('html').evaluate((html) => html.scrollHeight <= html.clientHeight);
        expect(clear, `${w}×${h} ${theme}`).toBe(true);
      }
  });

  test('a 728×90 banner says in one line what its chart shows, and every small frame links to the dashboard', async ({
    page,
    baseURL,
  }) => {
    const said = {
      map: '3 venues: Islamabad 3, Brussels 1, Kabul 1.',
      topics:
        'Most discussed: Counter-terrorism (5 of 9 meetings), Intelligence sharing (2), Migration and mobility (2).',
      cadence: /^Due next: /,
    };
    for (const view of ['map', 'topics', 'cadence'] as const) {
      await page.setContent(
        `<iframe src="${baseURL}#/embed/${view}" width="728" height="90" style="border:0"></iframe>`,
      );
      const frame = page.frameLocator('iframe');
      await expect(frame.getByTestId('embed-summary')).toHaveText(said[view]);
      // No chart squeezed to a hairline, no map.
      await expect(frame.locator('.scaled, .leaflet-container')).toHaveCount(0);
      await expect(frame.getByRole('link', { name: 'Dialogue Atlas' })).toBeVisible();
    }
    // 300×250 keeps its chart; the credit's own line is left out, its link beside the filters.
    await page.setContent(`<iframe src="${baseURL}#/embed/topics" width="300" height="250" style="border:0"></iframe>`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('topic-bar').first()).toBeVisible();
    await expect(frame.getByRole('link', { name: 'Dialogue Atlas' })).toBeVisible();
  });

  test('the map embed in a phone’s column (the Embed code’s frame at 343×214) shows every venue on its map, and a marker opens its popup without filtering', async ({
    page,
    baseURL,
  }) => {
    // Fitted with 48 px above and below, a 68 px map had no room: Leaflet showed open sea.
    await page.setContent(`<iframe src="${baseURL}#/embed/map" width="343" height="214" style="border:0"></iframe>`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('venue-marker')).toHaveCount(3);
    await expect
      .poll(() =>
        frame.locator('html').evaluate(() => {
          const map = document.querySelector('.leaflet-container')!.getBoundingClientRect();
          return [...document.querySelectorAll('[data-testid="venue-marker"]')].filter((m) => {
            const r = m.getBoundingClientRect();
            const x = r.left + r.width / 2;
            const y = r.top + r.height / 2;
            return x > map.left && x < map.right && y > map.top && y < map.bottom;
          }).length;
        }),
      )
      .toBe(3);
    // The zoom and layer buttons would cover most of it: they are left out (the +/- keys still zoom),
    // and kept in a frame with room for them.
    await expect(frame.locator('.leaflet-control-zoom')).toBeHidden();
    await expect(frame.locator('.leaflet-control-layers')).toBeHidden();
    await expect(frame.locator('.leaflet-control-attribution')).toBeVisible();
    // A marker opens its popup and does not filter (as bars and headings in embeds do not), opened
    // again by keyboard too: the embed keeps the subject it was made for.
    const brussels = frame.locator('[data-testid="venue-marker"][data-venue-id="brussels"]');
    await expect(brussels).not.toHaveAttribute('aria-pressed');
    for (const key of ['Enter', 'Escape', 'Enter']) {
      await brussels.focus();
      await page.keyboard.press(key);
    }
    await expect(frame.locator('.venue-popup')).toBeVisible();
    expect(await frame.locator('html').evaluate(() => location.hash)).toBe('#/embed/map');
    await expect(frame.locator('body')).not.toContainText('Venue: Brussels');
    await page.setContent(`<iframe src="${baseURL}#/embed/map" width="800" height="500" style="border:0"></iframe>`);
    await expect(page.frameLocator('iframe').locator('.leaflet-control-zoom')).toBeVisible();
    await expect(page.frameLocator('iframe').locator('.leaflet-control-layers')).toBeVisible();
  });

  test('a filtered timeline settles on one layout inside its frame: it does not swap between two', async ({ page }) => {
    // Short at one width and tall at the next, this chart swapped layouts 40 times a second.
    for (const [w, h, hash] of [
      [640, 360, '#/embed/cadence?topic=counter-terrorism'],
      [960, 540, '#/embed/cadence?partner=European%20Union'],
      [800, 450, '#/present/cadence?topic=counter-terrorism'],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`./${hash}`);
      await expect(page.getByTestId('cadence-mark').first()).toBeVisible();
      await page.waitForTimeout(500);
      const seen = new Set<string>();
      for (let i = 0; i < 10; i++) {
        seen.add(
          await page.locator('.scaled').evaluate((el) => {
            const r = el.getBoundingClientRect();
            const frame = el.parentElement!.getBoundingClientRect();
            return `${(el as HTMLElement).style.width} ${Math.round(r.height)} ${r.bottom <= frame.bottom + 1 ? 'inside' : 'below the frame'}`;
          }),
        );
        await page.waitForTimeout(50);
      }
      expect([...seen], `${w}×${h} ${hash}`).toHaveLength(1);
      expect([...seen][0], `${w}×${h} ${hash}`).toMatch(/ inside$/);
    }
  });

  test('twelve tracks in a 300×250 banner: the most recent, type of 9 px or more, and a line counting the rest', async ({
    page,
    baseURL,
  }) => {
    await applyTwelveTracks(page);
    await page.setContent(
      `<iframe src="${baseURL}#/embed/cadence" width="300" height="250" style="border:0"></iframe>`,
    );
    const frame = page.frameLocator('iframe');
    const left = frame.getByTestId('tracks-left-out');
    await expect(left).toHaveText(/^and \d+ more tracks with earlier dates$/);
    const hidden = Number(/\d+/.exec((await left.textContent())!)![0]);
    const names = await frame.locator('.track title').allTextContents();
    expect(names.length + hidden).toBe(12);
    // The most recent tracks, in the page's order: the last ones.
    expect(names).toEqual(
      Array.from({ length: names.length }, (_, i) => `Track ${String(12 - names.length + i + 1).padStart(2, '0')}`),
    );
    const smallest = await frame.locator('html').evaluate(() => {
      const scaled = document.querySelector('.scaled') as HTMLElement;
      const scale = scaled.getBoundingClientRect().width / scaled.offsetWidth;
      return Math.min(
        ...[...scaled.querySelectorAll('text')]
          .filter((t) => t.getBoundingClientRect().height > 0 && (t.textContent ?? '').trim())
          .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale),
      );
    });
    expect(smallest).toBeGreaterThanOrEqual(9);
    // Uploaded data's sources may be no news articles: its credit counts sources.
    await expect(frame.getByTestId('embed-credit')).toContainText('from 1 source');
  });

  test('the timeline embed keys its marks (planned, month-wide, expected) where the frame spares a line', async ({
    page,
    baseURL,
  }) => {
    const key = (w: number, h: number) =>
      page
        .setContent(`<iframe src="${baseURL}#/embed/cadence" width="${w}" height="${h}" style="border:0"></iframe>`)
        .then(() => page.frameLocator('iframe').getByRole('list', { name: 'How to read the timeline' }));
    const wide = await key(640, 360);
    await expect(wide).toBeVisible();
    await expect(wide).toContainText('planned');
    await expect(wide).toContainText('date known to the month or year');
    await expect(wide).toContainText('expected from the usual interval, not announced');
    // Its six tracks are packed into the frame, which draws no interval: none is keyed.
    await expect(page.frameLocator('iframe').locator('main g.gap')).toHaveCount(0);
    await expect(wide.getByText('interval between held meetings')).toBeHidden();
    // A 400×300 frame has the line to spare, and still draws its six tracks.
    const small = await key(400, 300);
    await expect(small).toBeVisible();
    await expect(small).toContainText('planned');
    await expect(page.frameLocator('iframe').getByTestId('tracks-left-out')).toHaveCount(0);
    // A 300×250 banner keeps its rows for the chart.
    await key(300, 250);
    await expect(page.frameLocator('iframe').getByTestId('cadence-mark').first()).toBeVisible();
    const banner = page.frameLocator('iframe').locator('.shape-key');
    await expect(banner).toBeAttached();
    await expect(banner).toBeHidden();
  });

  test('a filtered timeline embed keys only the marks its tracks draw: no "planned" for a track with no planned round', async ({
    page,
    baseURL,
  }) => {
    await page.setContent(
      `<iframe src="${baseURL}#/embed/cadence?topic=counter-terrorism&partner=United%20States" width="1024" height="576" style="border:0"></iframe>`,
    );
    const frame = page.frameLocator('iframe');
    const key = frame.getByRole('list', { name: 'How to read the timeline' });
    await expect(key).toBeVisible();
    await expect(frame.getByTestId('cadence-mark').first()).toBeVisible();
    await expect(frame.locator('[data-testid="cadence-mark"][data-status="planned"]')).toHaveCount(0);
    await expect(key.getByText('held', { exact: true })).toBeVisible();
    await expect(key.getByText('planned', { exact: true })).toBeHidden();
    await expect(key.getByText('interval between held meetings')).toBeVisible();
    // Its partner's heading is not a button (a visitor's click dropped the partner the embed shows), nor tinted as one.
    await expect(frame.locator('.partner-header')).toHaveCount(1);
    await expect(frame.getByRole('button', { name: /^Filter by partner/ })).toHaveCount(0);
    await expect(frame.locator('.partner-header.pressed')).toHaveCount(0);
  });

  test('a 300×250 banner that leaves out every track of a partner does not name that partner in its legend', async ({
    page,
    baseURL,
  }) => {
    // Three European Union tracks that last met long ago, nine recent United States tracks.
    await applyTwelveTracks(page, (k) => (k < 3 ? 'European Union' : 'United States'));
    await page.setContent(
      `<iframe src="${baseURL}#/embed/cadence" width="300" height="250" style="border:0"></iframe>`,
    );
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('tracks-left-out')).toBeVisible();
    const names = await frame.locator('.track title').allTextContents();
    expect(
      names.every((n) => Number(n.slice(-2)) > 3),
      names.join(', '),
    ).toBe(true);
    // The legend seen (and read by a screen reader) names only the partner drawn.
    await expect(frame.getByRole('list', { name: 'Partners' })).toHaveText('United States');
    // Taller, every track is drawn and both partners are named.
    await page.setContent(
      `<iframe src="${baseURL}#/embed/cadence" width="640" height="720" style="border:0"></iframe>`,
    );
    await expect(page.frameLocator('iframe').locator('.track title')).toHaveCount(12);
    await expect(page.frameLocator('iframe').getByRole('list', { name: 'Partners' })).toHaveText(
      /European Union\s*United States/,
    );
  });

  test('one track in frames from 320 to 1280 wide: every word inside the frame, none over another, never drawn a few letters wide', async ({
    page,
    baseURL,
  }) => {
    for (const [w, h] of [
      [320, 480],
      [640, 360],
      [1280, 720],
    ] as const) {
      await page.setContent(
        `<iframe src="${baseURL}#/embed/cadence?partner=United%20States" width="${w}" height="${h}" style="border:0"></iframe>`,
      );
      const frame = page.frameLocator('iframe');
      // Three page loads in turn: on two busy cores one took over 5 s to leave "Loading…" (CI, 6 December).
      await expect(frame.getByTestId('cadence-mark')).toHaveCount(3, { timeout: 15_000 });
      await page.waitForTimeout(300);
      const m = await frame.locator('html').evaluate((html) => {
        const svg = document.querySelector('[data-testid="cadence-chart"] svg')!.getBoundingClientRect();
        const words = [...document.querySelectorAll('[data-testid="cadence-chart"] svg text')]
          .map((t) => ({ text: t.textContent!.trim(), box: t.getBoundingClientRect() }))
          .filter((t) => t.text && t.box.width > 0);
        const marks = [...document.querySelectorAll('[data-testid="cadence-mark"]')].map((g) =>
          g.querySelector('circle, rect:not(.hit)')!.getBoundingClientRect(),
        );
        // The word beside the diamond ("expected" or, once its month has passed, "overdue").
        const overdue = words.find((t) => t.text === 'overdue' || t.text === 'expected')!.box;
        return {
          drawnWidth: (document.querySelector('.scaled') as HTMLElement).offsetWidth,
          outside: words.filter((t) => t.box.right > Math.min(svg.right, html.clientWidth) + 1).map((t) => t.text),
          wordOverMark: marks.some(
            (b) => b.left < overdue.right && overdue.left < b.right && b.top < overdue.bottom && overdue.top < b.bottom,
          ),
        };
      });
      expect(m.outside, `${w}×${h}`).toEqual([]);
      expect(m.wordOverMark, `${w}×${h}`).toBe(false);
      expect(m.drawnWidth, `${w}×${h}`).toBeGreaterThanOrEqual(Math.min(w - 40, 300));
    }
  });

  test('cadence in a phone-sized frame (320×480): every track named in full, above its marks', async ({
    page,
    baseURL,
  }) => {
    await page.setContent(
      `<iframe src="${baseURL}#/embed/cadence" width="320" height="480" style="border:0"></iframe>`,
    );
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('cadence-mark').first()).toBeAttached();
    const tracks = frame.locator('[data-testid="cadence-chart"] text.track');
    await expect(tracks).toHaveCount(6);
    for (const track of await tracks.all()) expect(await track.textContent()).not.toContain('…');
    await expect(tracks.filter({ hasText: 'Additional Secretary-level talks' })).toHaveCount(1);
    const overflow = await frame
      .locator('html')
      .evaluate((html) => html.scrollHeight - html.clientHeight + html.scrollWidth - html.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
