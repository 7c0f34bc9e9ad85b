/** Shortens a label to about `max` characters for an axis, ending in an ellipsis; the full text goes in a <title>. */
export function truncate(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** A rough width in pixels of text in the UI font: good enough to reserve room for labels. */
export function approxTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.56;
}
