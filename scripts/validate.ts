/**
 * npm run validate -- <folder or files> [--json]
 *
 * Checks data files with the app's own checks (src/lib/ingest/validate.ts runs the upload
 * worker's `ingest`), before they are copied to the site's data/ folder. Prints one line per
 * problem as `file:line:column: error|warning: message`, then a summary; exits 1 on errors.
 * Built by Vite (scripts/validate.config.ts) so the app's TypeScript runs in Node unchanged.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetTexts } from '../src/lib/data/dataset';
import { DATA_FILES, type DataFileKind } from '../src/lib/data/schema';
import { decodeUtf8, firstNotUtf8, notTextKind } from '../src/lib/ingest/detect';
import type { UploadFile } from '../src/lib/ingest/ingest';
import { formatProblem, validateFiles } from '../src/lib/ingest/validate';

const USAGE = `Usage: npm run validate -- <folder or files…> [--json]

Checks dialogues.csv, topics.csv, sources.csv and venues.geojson as the app does on upload.
A folder means the data files in it. Files of a kind not given are taken from the same folder
when there, else from the site's data/ folder, so references (venue_id, topics, source_id) are
checked against what the site would serve with them.`;

const DATA_EXTENSIONS = /\.(csv|tsv|txt|geojson|json)$/i;

function main(argv: string[]): number {
  const json = argv.includes('--json');
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = argv.find((a) => a.startsWith('-') && a !== '--json');
  if (unknown) {
    console.error(`Unknown option ${unknown}: the only option is --json.\n\n${USAGE}`);
    return 2;
  }
  // npm runs scripts from the package's folder: paths are the user's, from where they typed them.
  const from = process.env.INIT_CWD ?? process.cwd();
  const paths = argv.filter((a) => a !== '--json').map((a) => resolve(from, a));
  if (paths.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const files: { path: string; upload: UploadFile }[] = [];
  for (const path of paths) {
    if (!existsSync(path)) {
      console.error(`${path}: no such file or folder.`);
      return 2;
    }
    const list = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => DATA_EXTENSIONS.test(name) && name !== 'datapackage.json')
          .sort()
          .map((name) => join(path, name))
      : [path];
    for (const file of list) {
      const bytes = readFileSync(file);
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const text = decodeUtf8(buffer);
      // Not text: said as the app says it (a workbook, a picture, or where the encoding first goes wrong).
      const upload: UploadFile =
        text !== null
          ? { name: basename(file), text }
          : {
              name: basename(file),
              text,
              workbook: notTextKind(buffer),
              notUtf8: notTextKind(buffer) ? null : firstNotUtf8(buffer),
            };
      files.push({ path: file, upload });
    }
  }
  if (files.length === 0) {
    console.error(`No data files (.csv, .tsv, .txt, .geojson, .json) in ${paths.join(', ')}.`);
    return 2;
  }
  const started = performance.now();
  const other = others(files.map((f) => f.path));
  const result = validateFiles(
    files.map((f) => f.upload),
    other.texts,
    other.paths.dialogues ? shown(other.paths.dialogues) : DATA_FILES.dialogues,
  );
  const seconds = (performance.now() - started) / 1000;
  const byName = new Map(files.map((f) => [f.upload.name, f]));
  // Problems of the meetings beside the files given (checked against them) are named by their path.
  if (other.paths.dialogues && !byName.has(shown(other.paths.dialogues)))
    byName.set(shown(other.paths.dialogues), {
      path: other.paths.dialogues,
      upload: { name: shown(other.paths.dialogues), text: other.texts.dialogues },
    });
  const located = result.problems.map((p) => {
    const f = byName.get(p.file);
    return {
      problem: p,
      line: formatProblem(p, f ? shown(f.path) : p.file, f?.upload.text ?? null),
    };
  });
  const unlisted = result.errors + result.warnings - result.problems.length;
  if (json) {
    const out = {
      ok: result.errors === 0,
      errors: result.errors,
      warnings: result.warnings,
      files: result.files.map((f) => ({ ...f, path: byName.get(f.name)?.path })),
      problems: located.map(({ problem, line }) => {
        const [, l, c] = /:(\d+):(\d+): /.exec(line) ?? [];
        return {
          ...problem,
          path: byName.get(problem.file)?.path ?? problem.file,
          line: Number(l),
          column: Number(c),
          columnName: problem.column,
        };
      }),
      unlisted,
    };
    console.log(JSON.stringify(out, null, 2));
  } else {
    for (const { line } of located) console.log(line);
    const n = (k: number, one: string) => `${k.toLocaleString('en')} ${k === 1 ? one : `${one}s`}`;
    const rows = result.files.map((f) =>
      f.kind
        ? `${f.name} (${[f.name === DATA_FILES[f.kind] ? '' : `as ${DATA_FILES[f.kind]}`, f.rows === undefined ? '' : n(f.rows, 'row')].filter(Boolean).join(', ')})`
        : `${f.name} (not used)`,
    );
    console.log(
      `${result.errors ? '✖' : '✔'} ${n(result.errors, 'error')}, ${n(result.warnings, 'warning')} in ${rows.join(', ')}${unlisted > 0 ? `; ${unlisted.toLocaleString('en')} more not listed` : ''} (${seconds.toFixed(1)} s).`,
    );
    // The site reads each kind from one name, and venues from GeoJSON only: said before "copy".
    const steps = result.files.flatMap((f) => {
      if (result.errors > 0 || !f.kind || f.name === DATA_FILES[f.kind]) return [];
      const text = byName.get(f.name)?.upload.text ?? '';
      if (f.kind === 'venues' && !/^\s*\{/.test(text.replace(/^\uFEFF/, '')))
        return [
          `${f.name} holds the venues as a table: the site reads them only from venues.geojson. Upload it in the app and download the data package, whose venues.geojson holds them.`,
        ];
      return [`Copy ${f.name} as data/${DATA_FILES[f.kind]}: the site reads that name only.`];
    });
    for (const step of steps) console.log(step);
    const copy = steps.length ? 'copy the files as said above' : 'copy the files to the site’s data/ folder';
    if (result.errors === 0 && steps.some((step) => step.includes('as a table')))
      console.log('No errors in the files: publish them as said above.');
    else if (result.errors === 0 && result.warnings === 0)
      console.log(`Ready to publish: ${copy}; viewers see them on their next load.`);
    else if (result.errors === 0) console.log(`No errors: read the warnings, then ${copy} to publish them.`);
  }
  return result.errors > 0 ? 1 : 0;
}

/** A path as the user would type it from where they ran the command (absolute when outside it). */
function shown(path: string): string {
  const rel = relative(process.env.INIT_CWD ?? process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/**
 * The kinds not given: from the given files' folder when it has them, else from the site's data/
 * (a file given is not its own "other": a lone venues.geojson's meetings are its folder's).
 */
function others(paths: string[]): { texts: DatasetTexts; paths: Partial<Record<DataFileKind, string>> } {
  const site = fileURLToPath(new URL('../data/', import.meta.url));
  const given = new Set(paths);
  const folders = [...new Set(paths.map((p) => (statSync(p).isDirectory() ? p : dirname(p))))];
  const texts = {} as DatasetTexts;
  const found: Partial<Record<DataFileKind, string>> = {};
  for (const kind of Object.keys(DATA_FILES) as DataFileKind[]) {
    const name = DATA_FILES[kind];
    const path = [...folders, site].map((f) => join(f, name)).find((p) => existsSync(p) && !given.has(p));
    texts[kind] = path ? readFileSync(path, 'utf8') : '';
    if (path) found[kind] = path;
  }
  return { texts, paths: found };
}

process.exitCode = main(process.argv.slice(2));
