import { andList } from './and-list';
import { describeLocation, type Problem } from './problems';

/** One entry of a problem list: a problem, or the same warning about the same value on several lines. */
export interface ProblemEntry {
  /** The problem, or the group's first (its first line's). */
  problem: Problem;
  /** Where the entry's problems are: each one's line (or feature), in order; one for a problem alone. */
  places: number[];
  /** "dialogues.csv, line 4, column “date”", or for a group "dialogues.csv, 40 lines: 2, 3, 5, 8, 11 and 35 more, column “venue_id”". */
  where: string;
}

/** Lines named in a group's entry; the others are counted. */
export const GROUP_LINES_NAMED = 5;

/**
 * One fix for many of a file's rows: said before the rows' problems. Not every note without a line:
 * one asking for the files an upload lacks stays after the errors, which stop Apply.
 */
export const aboutWholeFile = (p: Problem): boolean => p.wholeFile === true;

/**
 * A problem list as it is shown: a fix for a whole file first (one for 18 dates in a
 * spreadsheet's form, said after the 18 errors, was read last), then every error (they stop Apply;
 * one among 200 warnings was item 189), then the warnings, each part in the order it came (the
 * files' reading order). A
 * warning repeated word for word about the same value in the same column of the same file (the
 * unknown venue “beijing” on 40 lines) is one entry naming its lines, at the place of its first;
 * errors are never grouped, as each is a row to fix or leave out. `partial` (some problems were
 * counted but not listed) says a group's count is of the lines listed.
 */
export function problemEntries(problems: readonly Problem[], partial = false): ProblemEntry[] {
  const entries: ProblemEntry[] = [];
  const groups = new Map<string, { entry: ProblemEntry; rows: (number | undefined)[] }>();
  const grouped: { entry: ProblemEntry; rows: (number | undefined)[] }[] = [];
  const alone = (p: Problem) => entries.push({ problem: p, places: placeOf(p), where: describeLocation(p) });
  for (const p of problems) if (aboutWholeFile(p)) alone(p);
  for (const p of problems) if (p.severity === 'error' && !aboutWholeFile(p)) alone(p);
  for (const p of problems) {
    if (p.severity === 'error' || aboutWholeFile(p)) continue;
    const place = p.line ?? p.feature;
    if (place === undefined) {
      entries.push({ problem: p, places: [], where: describeLocation(p) });
      continue;
    }
    const key = [p.file, p.line === undefined ? 'f' : 'l', p.column ?? '', p.value ?? '', p.message].join('\u0000');
    const group = groups.get(key);
    if (group) {
      group.entry.places.push(place);
      group.rows.push(p.row);
    } else {
      const fresh = { entry: { problem: p, places: [place], where: describeLocation(p) }, rows: [p.row] };
      groups.set(key, fresh);
      grouped.push(fresh);
      entries.push(fresh.entry);
    }
  }
  for (const { entry, rows } of grouped) if (entry.places.length > 1) entry.where = groupLocation(entry, rows, partial);
  return entries;
}

const placeOf = (p: Problem): number[] => {
  const place = p.line ?? p.feature;
  return place === undefined ? [] : [place];
};

/** "dialogues.csv, 40 lines: 2, 3, 5, 8 (row 7), 11 (row 10) and 35 more, column “venue_id”". */
function groupLocation({ problem: p, places }: ProblemEntry, rows: readonly (number | undefined)[], partial: boolean): string {
  const unit = p.line === undefined ? 'features' : 'lines';
  const named = places
    .slice(0, GROUP_LINES_NAMED)
    .map((place, i) => (rows[i] === undefined ? String(place) : `${place} (row ${rows[i]} in a spreadsheet)`));
  const rest = places.length - named.length;
  const list = rest > 0 ? `${named.join(', ')} and ${rest.toLocaleString('en')} more` : andList(named);
  const count = `${places.length.toLocaleString('en')} ${unit}${partial ? ' listed' : ''}`;
  const parts = [p.file, `${count}: ${list}`];
  if (p.column !== undefined) parts.push(`column “${p.column}”`);
  return parts.join(', ');
}
