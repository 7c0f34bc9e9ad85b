import { andList } from '../data/and-list';
import type { FileReport } from './ingest-result';

/** Said of a Data Package's datapackage.json (ours is in every download) in the file list: not data, and not a mistake (no problem listed). */
export const PACKAGE_DESCRIPTION =
  'it describes the Data package (its files and their columns) and holds no data itself; the package’s CSV and GeoJSON files hold the data.';

/** Said of the Data package's README.txt in the file list, as of its descriptor (a note, no problem). */
export const README_DESCRIPTION =
  'it says what the Data package holds, when it was made and how to cite it, and holds no data itself.';

/** Said of the templates' README.txt (Templates (.zip)) in the file list, as of the package's: a note, no problem. */
export const TEMPLATES_README_DESCRIPTION =
  'it describes the templates’ columns and formats, and holds no data itself; the CSV files beside it do.';

/**
 * Why Apply is greyed for an upload of only the package's notes (its README.txt, its
 * datapackage.json), which the file list names as no mistake: nothing to apply, and what to
 * upload instead. Null when the upload holds data, or when its errors say why.
 */
export function nothingToApply(files: readonly FileReport[], errors: number, kinds: readonly unknown[]): string | null {
  if (kinds.length > 0 || errors > 0 || files.length === 0) return null;
  const what = files.map((f) =>
    f.message === README_DESCRIPTION
      ? `${f.name} is the data package’s readme`
      : f.message === TEMPLATES_README_DESCRIPTION
        ? `${f.name} is the templates’ readme`
        : f.message === PACKAGE_DESCRIPTION
          ? `${f.name} describes the data package`
          : `${f.name} holds no data`,
  );
  return files.every((f) => f.message === TEMPLATES_README_DESCRIPTION)
    ? `${andList(what)}, not data: nothing to apply. Upload the CSV files that came with it: dialogues.csv, venues.csv, topics.csv and sources.csv.`
    : `${andList(what)}, not data: nothing to apply. Upload the data files from the package: dialogues.csv, topics.csv, sources.csv and venues.geojson.`;
}
