/** Escapes text for XML content and attribute values: data from files never becomes markup. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 forbids (C0 controls other than tab, LF, CR) would make the file unreadable.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  );
}

export type Attrs = Record<string, string | number | null | undefined>;

/** ` a="1" b="x"`, escaped; null and undefined are left out. */
export function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

/** An element as text; `children` are already-written markup. */
export function el(tag: string, a: Attrs = {}, children = ''): string {
  return children === '' ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${children}</${tag}>`;
}

/** A text element whose content is escaped. */
export const text = (a: Attrs, content: string): string => el('text', a, escapeXml(content));
