import { csvText } from '../data/csv-write';
import { SOURCE_COLUMNS, TOPIC_COLUMNS, type DataFileKind } from '../data/schema';
import type { Diff, Mode } from './ingest-result';

/** The small keyed files (venues, topics, sources): their diff by id, and merged ones written back. */
export type Keyed = { id: string } & Record<string, unknown>;

/**
 * Small keyed files (venues, topics, sources): diff by id; returns the records after applying.
 * `leftOut`: ids the upload names on a feature left out for an error (Parsed.leftOut), so that a
 * removal that is only that says so.
 */
export function diffRecords(
  kind: DataFileKind,
  before: Keyed[],
  after: Keyed[],
  mode: Mode,
  diff: Diff,
  fields: (r: object) => (readonly [string, string])[],
  leftOut?: ReadonlyMap<string, number>,
  /** What `leftOut` and `lineOf` count: GeoJSON features, or a table's lines. */
  leftOutAt: 'feature' | 'line' = 'feature',
  /** Each uploaded id's line, for records that do not carry one (topics, sources); in GeoJSON, its feature. */
  lineOf?: ReadonlyMap<string, number>,
): Keyed[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const next = new Map(after.map((r) => [r.id, r]));
  const features = leftOutAt === 'feature';
  const line = (r: Keyed) => (typeof r.line === 'number' ? r.line : features ? 0 : (lineOf?.get(r.id) ?? 0));
  /** Where an uploaded record is: its line, or in GeoJSON, which has none to speak of, its feature. */
  const at = (r: Keyed) => {
    const feature = features ? lineOf?.get(r.id) : undefined;
    return feature === undefined ? { line: line(r) } : { line: 0, feature };
  };
  for (const r of after) {
    const o = old.get(r.id);
    const now = fields(r).filter(([k]) => k !== 'line');
    if (!o) {
      diff.added++;
      diff.rows.push({
        kind,
        id: r.id,
        change: 'added',
        ...at(r),
        fields: now.map(([column, v]) => ({ column, before: '', after: v })),
      });
      continue;
    }
    const was = new Map(fields(o));
    const changed = now
      .filter(([k, v]) => was.get(k) !== v)
      .map(([column, v]) => ({ column, before: was.get(column) ?? '', after: v }));
    if (changed.length) {
      diff.changed++;
      diff.rows.push({ kind, id: r.id, change: 'changed', ...at(r), fields: changed });
    }
  }
  if (mode === 'replace') {
    for (const o of before) {
      if (next.has(o.id)) continue;
      diff.removed++;
      const at = leftOut?.get(o.id);
      if (at !== undefined) diff.removedByErrors++;
      diff.rows.push({
        kind,
        id: o.id,
        change: 'removed',
        line: line(o),
        // Every value it has, as a removed meeting shows them: what goes, to check before applying.
        fields: fields(o)
          .filter(([k]) => k !== 'line')
          .map(([column, v]) => ({ column, before: v, after: '' })),
        ...(at !== undefined && (leftOutAt === 'feature' ? { errorFeature: at } : { errorLine: at })),
      });
    }
    return after;
  }
  return [...before.map((o) => next.get(o.id) ?? o), ...after.filter((r) => !old.has(r.id))];
}

/** Merged small files written back out. */
export function writeKind(kind: 'venues' | 'topics' | 'sources', records: Keyed[]): string {
  if (kind === 'venues') {
    return JSON.stringify(
      {
        type: 'FeatureCollection',
        features: records.map((v) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [v.lon, v.lat] },
          properties: { id: v.id, name: v.name, country: v.country },
        })),
      },
      null,
      2,
    );
  }
  if (kind === 'topics')
    return csvText(
      TOPIC_COLUMNS,
      records.map((t) => [t.id, String(t.label), String(t.theme)]),
    );
  return csvText(
    SOURCE_COLUMNS,
    records.map((s) => [
      s.id,
      String(s.title),
      String(s.publisher),
      (s.published as { text?: string } | null)?.text ?? '',
    ]),
  );
}
