import { DATA_FILES, SOURCE_COLUMNS, TOPIC_COLUMNS, type Dataset, type DataFileKind } from '../data/schema';
import { packageJson } from '../data/package-schema';
import { csvText, UTF8_BOM } from '../data/csv-write';
import { README_NAME } from '../data/package-readme-name';
import { dialoguesCsv } from './csv-download';
import { packageReadme, type PackageAbout } from './package-readme';

/**
 * The dataset as shown now, as the four files the site serves from data/: normalised (the
 * app's column order, comma-separated, formula cells neutralised), so they match datapackage.json.
 */
export function datasetFiles(dataset: Dataset): Record<DataFileKind, string> {
  return {
    dialogues: datasetFileText(dataset, 'dialogues'),
    venues: datasetFileText(dataset, 'venues'),
    topics: datasetFileText(dataset, 'topics'),
    sources: datasetFileText(dataset, 'sources'),
  };
}

/** One file of the dataset as shown now. */
export function datasetFileText(dataset: Dataset, kind: DataFileKind): string {
  if (kind === 'dialogues') return dialoguesCsv(dataset.dialogues);
  if (kind === 'venues') return venuesGeoJson(dataset);
  if (kind === 'topics')
    return csvText(
      TOPIC_COLUMNS,
      dataset.topics.map((t) => [t.id, t.label, t.theme]),
    );
  return csvText(
    SOURCE_COLUMNS,
    dataset.sources.map((s) => [s.id, s.title, s.publisher, s.published?.text ?? '']),
  );
}

/** What a downloaded file begins with before its text: a CSV a BOM (see UTF8_BOM), the GeoJSON nothing. */
export const downloadStart = (kind: DataFileKind): string => (kind === 'venues' ? '' : UTF8_BOM);

/** A downloaded file's media type. */
export const fileType = (kind: DataFileKind): string => (kind === 'venues' ? 'application/geo+json' : 'text/csv');

/**
 * One file of the dataset as shown now, ready to download, written on this thread: for a few
 * thousand rows (see prepare-download.ts); more are written in a worker (file-pieces.ts).
 */
export function datasetFile(dataset: Dataset, kind: DataFileKind): Blob {
  return new Blob([downloadStart(kind) + datasetFileText(dataset, kind)], { type: fileType(kind) });
}

/**
 * The venues as data/venues.geojson holds them: a feature's geometry and properties each on a
 * line, as Prettier lays that file out, so a published download changes in git only where a venue
 * did (JSON.stringify's indent would spread each over a dozen lines). Values are written by
 * JSON.stringify; only the layout is by hand.
 */
function venuesGeoJson(dataset: Dataset): string {
  const inline = (o: Record<string, unknown>) =>
    `{ ${Object.entries(o)
      .map(
        ([k, v]) =>
          `${JSON.stringify(k)}: ${Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v)}`,
      )
      .join(', ')} }`;
  const features = dataset.venues.map((v) =>
    [
      '    {',
      '      "type": "Feature",',
      `      "geometry": ${inline({ type: 'Point', coordinates: [v.lon, v.lat] })},`,
      `      "properties": ${inline({ id: v.id, name: v.name, country: v.country })}`,
      '    }',
    ].join('\n'),
  );
  return `{\n  "type": "FeatureCollection",\n  "features": [${features.length ? `\n${features.join(',\n')}\n  ` : ''}]\n}\n`;
}

/**
 * A zip of the four files, datapackage.json and README.txt (what the package is, when it was made,
 * its files and sources, how to cite it: package-readme.ts), to copy into the site's data/ folder
 * (README.txt aside). The files are written on the calling thread, all at once (20,000 meetings
 * took 200 ms, 200,000 over 2 s): the page calls this only for a few thousand rows
 * (prepare-download.ts), and has larger data written and compressed in a worker (file-pieces.ts,
 * packageBlob). fflate (loaded only when asked) compresses in workers of its own; the writing is
 * not off the thread.
 */
export async function dataPackageZip(dataset: Dataset, about: PackageAbout): Promise<Blob> {
  const { zip, strToU8 } = await import('fflate');
  const files = datasetFiles(dataset);
  const entries: Record<string, Uint8Array> = {
    [README_NAME]: strToU8(UTF8_BOM + packageReadme(rowCounts(dataset), dataset.sources, about)),
    // The title is the dataset's, not this browser's upload label: the package is meant for publishing.
    // No "created" time: copied into data/, it is then the file the site holds, and changes in git only with the schema.
    'datapackage.json': strToU8(packageJson()),
  };
  for (const kind of Object.keys(DATA_FILES) as DataFileKind[])
    entries[DATA_FILES[kind]] = strToU8(downloadStart(kind) + files[kind]);
  const bytes = await new Promise<Uint8Array>((resolve, reject) =>
    zip(entries, { level: 6 }, (error, data) => (error ? reject(error) : resolve(data))),
  );
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

/** How many rows (features, in venues.geojson) each file holds. */
export const rowCounts = (data: { [K in DataFileKind]: { length: number } }): Record<DataFileKind, number> => ({
  dialogues: data.dialogues.length,
  venues: data.venues.length,
  topics: data.topics.length,
  sources: data.sources.length,
});
