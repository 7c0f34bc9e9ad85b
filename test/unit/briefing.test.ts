import { describe, expect, it } from 'vitest';
import { composeBriefingHtml, scriptSafeJson } from '../../src/lib/export/briefing';

describe('the offline briefing file', () => {
  const texts = {
    dialogues: 'id\n</script><script>alert(1)</script>',
    venues: '{}',
    topics: '<!--',
    sources: '\u2028',
  };

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
});
