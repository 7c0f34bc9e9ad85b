import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/lib/data/filters';
import { briefingName, composeBriefingHtml, scriptSafeJson, SKIP_LINK } from '../../src/lib/export/briefing';

describe('the offline briefing file', () => {
  const texts = {
    dialogues: 'id\n</script><script>alert(1)</script>',
    venues: '{}',
    topics: '<!--',
    sources: '\u2028',
  };

  it('opens with the page’s skip link, the same as index.html’s', () => {
    const html = composeBriefingHtml({ js: '', css: '' }, { texts, label: 'published data', created: '2026-12-07' });
    expect(readFileSync('index.html', 'utf8')).toContain(SKIP_LINK);
    expect(html.indexOf(SKIP_LINK)).toBeGreaterThan(html.indexOf('<body>'));
    expect(html.indexOf(SKIP_LINK)).toBeLessThan(html.indexOf('<div id="app">'));
  });

  it('embeds data that cannot end its <script> early', () => {
    const json = scriptSafeJson({ texts });
    expect(json).not.toMatch(/<\/script|<!--|\u2028/i);
    expect(JSON.parse(json)).toEqual({ texts });
  });

  it('inlines the app, escaping any closing tag in its code, and the data', () => {
    const html = composeBriefingHtml(
      { js: 'const s = "</script>";', css: 'a::after { content: "</style>" }' },
      { texts, label: 'bundled data', created: '2026-11-21T10:00:00.000Z' },
    );
    expect(html).toContain('<title>Dialogue Atlas briefing, 2026-11-21</title>');
    expect(html.match(/<\/script>/g)).toHaveLength(2); // the two real ones
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain('const s = "<\\/script>";');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });

  it('is named and titled by its filters, as the other exports are, so two briefings of a day differ', () => {
    const created = '2026-12-07T09:30:00.000Z';
    const us = { ...NO_FILTERS, partners: ['United States'], from: '2024' };
    expect(briefingName(NO_FILTERS, created)).toBe('dialogue-atlas-briefing-2026-12-07.html');
    expect(briefingName(us, created)).toBe('dialogue-atlas-briefing-united-states-from-2024-2026-12-07.html');
    const app = { js: '', css: '' };
    const data = { texts, label: 'published data', created };
    expect(composeBriefingHtml(app, data)).toContain('<title>Dialogue Atlas briefing, 2026-12-07</title>');
    expect(composeBriefingHtml(app, data, us)).toContain(
      '<title>Dialogue Atlas briefing, 2026-12-07 — Partner: United States · From 2024</title>',
    );
    // A topic's name from the data is text in the title, never markup.
    const labels = { topic: () => '</title><script>alert(1)</script>', venue: (id: string) => id };
    const html = composeBriefingHtml(app, data, { ...NO_FILTERS, topics: ['x'] }, labels);
    expect(html).toContain('<title>Dialogue Atlas briefing, 2026-12-07 — Topic: &lt;/title&gt;&lt;script&gt;');
    expect(html.match(/<\/title>/g)).toHaveLength(1);
  });
});
