import { packageDescriptor } from '../data/package-schema';
import { README_TITLE } from '../data/package-readme-name';
import { DATA_FILES, type DataFileKind, type Source } from '../data/schema';

/**
 * What the data package says of itself, beside its files: when it was made, whether the data in
 * it is published, and where it was taken from (the page's address, for a citation).
 */
export interface PackageAbout {
  /** When it was made, as the viewer's clock says it (localStamp); datapackage.json has no time, so a package of unchanged data is unchanged. */
  created: string;
  /** The data shown was applied in this browser and is not what the site publishes. */
  unpublished: boolean;
  /** The page's address without its view (the package holds all the data, not a view of it). */
  address: string;
}

/** Sources listed by title; past this many, the rest are counted (sources.csv holds them all). */
export const LISTED_SOURCES = 50;
/** A value's length in the text, at most (an article's title is far shorter). */
const VALUE_CHARS = 300;

/**
 * A value from the data as one line of plain text: line breaks, tabs and other control characters
 * become spaces, and the marks that reverse or embed the direction of text (which could make a line
 * read as another) are dropped; no line can then be added or disguised. Cut at VALUE_CHARS.
 */
export function oneLine(value: string): string {
  const line = value
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\p{Cc}\u2028\u2029\s]+/gu, ' ')
    .trim();
  const chars = Array.from(line);
  return chars.length > VALUE_CHARS ? `${chars.slice(0, VALUE_CHARS - 1).join('')}…` : line;
}

/** A count with its noun: "1 row", "10 rows". */
const count = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

/**
 * README.txt: what the Dialogue Atlas is, when the package was made and whether its data is
 * published, that the dashboard's filters do not apply to it (it holds all the data shown), each
 * file with its rows and columns (named as datapackage.json names them, its title from there
 * too), the sources as a list to cite, and a suggested citation. Plain text: values from the data
 * are written one to a line (oneLine), never as markup.
 */
export function packageReadme(
  rows: Record<DataFileKind, number>,
  sources: readonly Source[],
  about: PackageAbout,
): string {
  const day = about.created.slice(0, 10);
  const clock = about.created.slice(11, 16);
  const offset = about.created.slice(19);
  const address = oneLine(about.address);
  const files = packageDescriptor().resources.map((r) => {
    const kind = r.name as DataFileKind;
    const noun = kind === 'venues' ? 'feature' : 'row';
    return [
      `* ${DATA_FILES[kind]} (${count(rows[kind], noun)}): ${r.title}.`,
      `  ${kind === 'venues' ? 'Fields' : 'Columns'}: ${r.schema.fields.map((f) => f.name).join(', ')}.`,
    ];
  });
  const listed = sources.slice(0, LISTED_SOURCES).map((s) => {
    const publisher = oneLine(s.publisher) || 'Publisher not stated';
    const date = s.published ? oneLine(s.published.text) : 'date not stated';
    return `* ${oneLine(s.title) || oneLine(s.id)}. ${publisher}, ${date}.`;
  });
  if (sources.length > LISTED_SOURCES)
    listed.push(`* And ${count(sources.length - LISTED_SOURCES, 'more source')}: see sources.csv.`);
  return [
    README_TITLE,
    '',
    'Dialogue Atlas is an interactive dashboard of Pakistan’s bilateral security dialogues: where they meet, with whom, about what, and how often.',
    '',
    `Made on ${day} at ${clock} (UTC${offset}), from the data shown at ${address || 'the Dialogue Atlas'}.`,
    about.unpublished
      ? 'It includes changes not yet published: data applied in one browser, which the site itself does not show.'
      : 'It is the data the site publishes.',
    'Filters are not applied: the package holds all the data shown, whatever the dashboard was filtered by.',
    '',
    'Files (datapackage.json describes each column):',
    ...files.flat(),
    '',
    'Sources (from sources.csv: title, publisher, date):',
    ...(listed.length ? listed : ['* None listed.']),
    '',
    'Suggested citation:',
    `Dialogue Atlas, data package downloaded ${day}${address ? `, ${address}` : ''}`,
    '',
  ].join('\n');
}
