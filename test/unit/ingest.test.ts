import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { csvRecords } from '../../src/lib/data/csv-parse';
import { buildDataset } from '../../src/lib/data/dataset';
import { parseDialogues } from '../../src/lib/data/dialogues';
import { restoreFormula } from '../../src/lib/data/formula';
import { csvText } from '../../src/lib/data/csv-write';
import { unpackSteps } from '../../src/lib/data/packed';
import { runNow } from '../../src/lib/data/steps';
import { dialoguesCsv } from '../../src/lib/export/csv-download';
import { describeLocation } from '../../src/lib/data/problems';
import { detectKind } from '../../src/lib/ingest/detect';
import { CurrentData, ingest, ingestFiles } from '../../src/lib/ingest/ingest';
import { bundled, fixture } from '../fixtures/read';

const current = {
  dialogues: bundled('dialogues.csv'),
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
};
const [header, ...lines] = current.dialogues.trimEnd().split('\n');
const file = (text: string, name = 'upload.csv') => [{ name, text }];
/** The published rows with one meeting's row edited. */
const editRow = (id: string, edit: (line: string) => string) =>
  lines.map((l) => (l.startsWith(`${id},`) ? edit(l) : l));

describe('ingest: diff against the data shown now', () => {
  const edited = [
    header,
    ...lines
      .filter((l) => !l.startsWith('us-2023-03-ct'))
      .map((l) => (l.startsWith('eu-2026-political') ? l.replace(',2026,', ',2026-06,') : l)),
    'new-1,2026-01,planned,Afghanistan,Talks,,,kabul,refugees,,,s2,q,s',
  ].join('\n');

  it('a topics file alone is said to leave meetings without their topic only where it drops one the data shown has', () => {
    // The data shown already cites a topic its topics.csv lacks (on the US meeting of 2023).
    const shown = {
      ...current,
      dialogues: current.dialogues.replace(/^(us-2023-03-ct,(?:[^,]*,){7})([^,]*)/m, '$1ghost-topic'),
    };
    const topics = current.topics
      .split('\n')
      .filter((l) => !l.startsWith('kashmir,'))
      .join('\n');
    const r = ingest(file(topics, 'topics.csv'), shown, 'replace');
    const fromShown = r.problems.filter((p) => p.file === 'dialogues.csv (shown now)');
    expect(fromShown.length).toBeGreaterThan(0);
    expect(fromShown.every((p) => p.value === 'kashmir')).toBe(true);
  });

  it('a venues table whose row for a venue in use has errors: the meetings there are told to fix that row (its line), not that no venue has the id', () => {
    // European Excel: semicolons, decimal commas; Kabul's latitude mistyped.
    const venues = [
      'id;name;country;lat;lon',
      'brussels;Brussels;Belgium;50,8503;4,3517',
      'islamabad;Islamabad;Pakistan;33,6844;73,0479',
      'kabul;Kabul;Afghanistan;34,5553x;69,2075',
    ].join('\r\n');
    const r = ingest(file(venues, 'venues.csv'), current, 'replace');
    const kabul = r.problems.filter((p) => p.file === 'dialogues.csv (shown now)' && p.value === 'kabul');
    expect(kabul.length).toBeGreaterThan(0);
    for (const p of kabul)
      expect(p.message).toBe(
        '“kabul” is in venues.csv, but its row (line 4) there has errors, so it is left out: fix that and this warning goes.',
      );
  });

  it('a topic added is named with its line in the upload, as a meeting is', () => {
    const text = current.topics.trimEnd() + '\nelections,Elections,regional affairs\n';
    const r = ingest(file(text, 'topics.csv'), current, 'replace');
    const added = r.diff.rows.find((x) => x.change === 'added')!;
    expect(added).toMatchObject({ kind: 'topics', id: 'elections', line: text.trimEnd().split('\n').length });
  });

  it('a topic removed shows every value it has, as a removed meeting does', () => {
    const kept = current.topics
      .trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith('gaza,'));
    const r = ingest(file(kept.join('\n'), 'topics.csv'), current, 'replace');
    const removed = r.diff.rows.find((x) => x.change === 'removed')!;
    expect(removed).toMatchObject({
      kind: 'topics',
      id: 'gaza',
      fields: expect.arrayContaining([
        { column: 'label', before: 'War in Gaza', after: '' },
        { column: 'theme', before: 'regional affairs', after: '' },
      ]),
    });
  });

  it('counts added, changed (with the fields) and removed rows by id', () => {
    const r = ingest(file(edited), current, 'replace');
    expect(r.errors).toBe(0);
    expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([1, 1, 1]);
    const changed = r.diff.rows.find((x) => x.change === 'changed')!;
    expect(changed).toMatchObject({
      id: 'eu-2026-political',
      fields: [{ column: 'date', before: '2026', after: '2026-06' }],
    });
    expect(r.diff.rows.find((x) => x.change === 'removed')).toMatchObject({ id: 'us-2023-03-ct', line: 8 });
  });

  it('a row whose id was cleared by mistake is taken as the meeting with all its other values: its removal is said to be that row’s', () => {
    const cleared = editRow('eu-2026-political', (l) => l.replace(/^[^,]+/, ''));
    const r = ingest(file([header, ...cleared].join('\n')), current, 'replace');
    const line = cleared.findIndex((l) => l.startsWith(',')) + 2;
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        line,
        column: 'id',
        severity: 'error',
        message: expect.stringContaining(
          'Its other values are those of “eu-2026-political”, shown now: was its id cleared by mistake?',
        ),
      }),
    );
    expect([r.diff.removed, r.diff.removedByErrors]).toEqual([1, 1]);
    expect(r.diff.rows).toEqual([
      expect.objectContaining({ id: 'eu-2026-political', change: 'removed', errorLine: line }),
    ]);
    // Another value changed too: not taken as that meeting, a plain removal.
    const edited = cleared.map((l) => (l.startsWith(',') ? l.replace(',2026,', ',2027,') : l));
    const other = ingest(file([header, ...edited].join('\n')), current, 'replace');
    expect([other.diff.removed, other.diff.removedByErrors]).toEqual([1, 0]);
    expect(other.diff.rows[0]).not.toHaveProperty('errorLine');
    // Two meetings shown now with those values: the one row names one of them, not both.
    const twin = lines.find((l) => l.startsWith('eu-2026-political,'))!.replace(/^[^,]+/, 'eu-2026-political-twin');
    const twins = { ...current, dialogues: `${current.dialogues.trimEnd()}\n${twin}\n` };
    const one = ingest(file([header, ...cleared].join('\n')), twins, 'replace');
    expect([one.diff.removed, one.diff.removedByErrors]).toEqual([2, 1]);
  });

  it('a row whose id was pasted from another row is taken as the meeting with all its other values: its removal is said to be that row’s', () => {
    // us-2024-05-ct's row given the id of the row above it (a repeated id: an error, the row left out).
    const above = lines[lines.findIndex((l) => l.startsWith('us-2024-05-ct,')) - 1]!.split(',')[0]!;
    const copied = editRow('us-2024-05-ct', (l) => l.replace(/^[^,]+/, above));
    const r = ingest(file([header, ...copied].join('\n')), current, 'replace');
    const line = copied.map((l) => l.startsWith(`${above},`)).lastIndexOf(true) + 2;
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        line,
        column: 'id',
        severity: 'error',
        message: expect.stringContaining(
          'Its other values are those of “us-2024-05-ct”, shown now: was its id copied from another row by mistake?',
        ),
      }),
    );
    expect(r.diff.rows).toContainEqual(
      expect.objectContaining({ id: 'us-2024-05-ct', change: 'removed', errorLine: line }),
    );
    expect(r.diff.removedByErrors).toBe(1);
  });

  it('says when a new id reads as a meeting shown now but has another character (a pasted non-breaking hyphen)', () => {
    const pasted = editRow('eu-2026-political', (l) => l.replace('eu-2026', 'eu\u20112026'));
    const r = ingest(file([header, ...pasted].join('\n')), current, 'replace');
    expect([r.diff.added, r.diff.removed]).toEqual([1, 1]);
    const line = pasted.findIndex((l) => l.startsWith('eu\u2011')) + 2;
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        line,
        column: 'id',
        severity: 'warning',
        message:
          '“eu\u20112026-political” reads as “eu-2026-political”, a meeting shown now, but has a non-breaking hyphen (U+2011): as it is, that meeting is removed and this row added as a new one. Type the id again with plain characters.',
      }),
    );
    // Plain ids say nothing of the kind.
    expect(ingest(file(edited), current, 'replace').problems.some((p) => p.message.includes('reads as'))).toBe(false);
  });

  it('says which removals are only because the meeting’s row in the upload has errors', () => {
    // The analyst mistyped one date: that meeting is not compared, and would go if applied without it.
    const typo: string[] = [
      header!,
      ...lines.map((l) => (l.startsWith('eu-2026-political') ? l.replace(',2026,', ',2026-13,') : l)),
    ];
    const r = ingest(file(typo.join('\n')), current, 'replace');
    expect(r.errors).toBeGreaterThan(0);
    expect([r.diff.added, r.diff.changed, r.diff.removed, r.diff.removedByErrors]).toEqual([0, 0, 1, 1]);
    const line = typo.findIndex((l) => l.startsWith('eu-2026-political')) + 1;
    expect(r.diff.rows).toEqual([
      expect.objectContaining({ id: 'eu-2026-political', change: 'removed', errorLine: line }),
    ]);
    // A meeting really left out of the file is removed without that note.
    const left = ingest(file(typo.filter((l) => !l.startsWith('us-2023-03-ct')).join('\n')), current, 'replace');
    expect([left.diff.removed, left.diff.removedByErrors]).toEqual([2, 1]);
    expect(left.diff.rows.find((x) => x.id === 'us-2023-03-ct')).not.toHaveProperty('errorLine');
  });

  it('a quote not doubled inside a quoted value, on one line: the error names its column and value', () => {
    const broken = lines.map((l) =>
      l.startsWith('eu-2026-political')
        ? l.replace(',They also plan', ',"They "also" plan').replace('Dialogue.,', 'Dialogue.",')
        : l,
    );
    const at = broken.findIndex((l) => l.startsWith('eu-2026-political')) + 2;
    const errors = ingest(file([header!, ...broken].join('\n')), current, 'replace').problems.filter(
      (p) => p.severity === 'error',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: at, column: 'evidence' });
    expect(errors[0]!.value).toContain('They "also" plan');
    expect(errors[0]!.message).toContain('must be doubled ("")');
  });

  it('a quote left open runs the next rows into one value: each of them is an error, and their meetings are not silently removed', () => {
    // A stray quote opening line 5's evidence (as an analyst's edit left it): PapaParse reads on
    // to the next quote, at the end of line 6, so line 6's meeting is inside that value.
    const broken = lines.map((l) => (l.startsWith('eu-2026-political') ? l.replace(',They also', ',"They also') : l));
    const text = [header!, ...broken].join('\n');
    const at = broken.findIndex((l) => l.startsWith('eu-2026-political')) + 2;
    const next = broken[at - 1]!.split(',')[0]!;
    const r = ingest(file(text), current, 'replace');
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.line)).toEqual([at, at + 1]);
    expect(errors[0]!.message).toContain(`lines ${at}–${at + 1} were read as one row`);
    expect(errors[0]!.column).toBe('evidence');
    // A quote that closes further on, before other cells (the next row's quoted evidence): still
    // named where it opened, not at the last cell it ran into (the reviewer's file).
    const early = [
      header!,
      'uk-1,2021-10-12,held,United Kingdom,CT Dialogue,,,islamabad,counter-terrorism,,,s3,"talks in Islamabad,Talks.',
      'uk-2,2023,held,United Kingdom,CT Dialogue,,,islamabad,counter-terrorism,,,s3,"2023 talks",Year-only.',
    ].join('\n');
    const opened = ingest(file(early), current, 'merge').problems.find((p) => p.severity === 'error');
    expect(opened).toMatchObject({ line: 2, column: 'evidence' });
    expect(errors[1]!.message).toContain(`quoted field that starts on line ${at}`);
    // Both meetings go only because of the error, and the diff says so for each.
    expect([r.diff.removed, r.diff.removedByErrors]).toEqual([2, 2]);
    expect(r.diff.rows.map((x) => [x.id, x.errorLine])).toEqual([
      ['eu-2026-political', at],
      [next, at + 1],
    ]);
  });

  it('in topics.csv too, a quote never closed makes every row after it an error, and their topics removed only by errors', () => {
    const [top, ...rest] = current.topics.trimEnd().split('\n');
    const broken = rest.map((l, i) => (i === 1 ? l.replace(',', ',"') : l));
    const r = ingest(file([top!, ...broken].join('\n') + '\n\n', 'topics.csv'), current, 'replace');
    const lines = rest.slice(1).map((_, i) => i + 3);
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual(lines);
    expect(r.problems[0]!.message).toContain(`lines 3–${rest.length + 1} were read as one row`);
    expect([r.diff.removed, r.diff.removedByErrors]).toEqual([rest.length - 1, rest.length - 1]);
    expect(r.diff.rows.map((x) => [x.id, x.errorLine])).toEqual(rest.slice(1).map((l, i) => [l.split(',')[0], i + 3]));
  });

  it('a venues file that is not UTF-8 leaves the new venue ids unchecked, said as such, not as unknown', async () => {
    // Windows-1252 "Genève" (0xE8): the file is refused; its venues are not the ones shown now.
    const venues = new Uint8Array([
      ...new TextEncoder().encode('id,name,country,lat,lon\ngeneva,Gen'),
      0xe8,
      ...new TextEncoder().encode('ve,Switzerland,46.2,6.14\n'),
    ]);
    const dialogues = `${header}\nch-1,2026-01,planned,Switzerland,Geneva Talks,,,geneva,counter-terrorism,,,s1,q,s\n`;
    const r = await ingestFiles(
      [
        { name: 'dialogues.csv', data: new Blob([dialogues]) },
        { name: 'venues-1252.csv', data: new Blob([venues]) },
      ],
      current,
      'merge',
    );
    const venue = r.problems.find((p) => p.column === 'venue_id')!;
    expect(venue.message).toMatch(
      /^“geneva” is not among the venues shown now, and “venues-1252\.csv” could not be read/,
    );
    expect(r.problems.some((p) => p.file === 'venues-1252.csv' && p.severity === 'error')).toBe(true);
  });

  it('an id a typing slip away from one in use gets a "did you mean"; one near two ids, or far from all, does not', () => {
    const row = (venue: string, topics: string) =>
      `x-${venue}-${topics},2026-01,planned,United States,Counterterrorism Dialogue,,,${venue},${topics},,,s3,q,s`;
    const r = ingest(
      file([header!, row('islamabd', 'counter-terorism'), row('paris', 'trade')].join('\n')),
      current,
      'merge',
    );
    const said = (column: string, value: string) => r.problems.find((p) => p.column === column && p.value === value)!;
    expect(said('venue_id', 'islamabd').message).toMatch(/Did you mean “islamabad” \(Islamabad\)\?/);
    expect(said('topics', 'counter-terorism').message).toMatch(/Did you mean “counter-terrorism”/);
    expect(said('venue_id', 'paris').message).not.toContain('Did you mean');
  });

  it('new ids used on many lines, or near one id in use together, get no "did you mean"; the files not uploaded are named once', () => {
    const name = 'dialogues-new-partners-without-their-sources-venues-topics.csv';
    const r = ingest(file(fixture(name), name), current, 'replace');
    const unknown = (value: string) => r.problems.filter((p) => p.value === value && p.message.startsWith('Unknown'));
    // c1 (6 lines) and u1 (5) are one typing slip from s1, but new sources: no guess sends them to an EU article.
    for (const id of ['c1', 'u1']) {
      expect(unknown(id).length).toBeGreaterThan(0);
      expect(unknown(id).every((p) => !p.message.includes('Did you mean'))).toBe(true);
    }
    // A venue's name for its id is still told.
    expect(unknown('Islamabad')[0]!.message).toMatch(/Did you mean “islamabad” \(Islamabad\)\?/);
    // One line for each file the upload lacks, before the rows, naming what it lacks (not Islamabad, told above).
    expect(r.problems.slice(0, 3)).toEqual([
      expect.objectContaining({
        file: name,
        column: 'venue_id',
        message: 'beijing, london are not in the venues.geojson shown now: upload your venues.geojson with this file.',
      }),
      expect.objectContaining({
        column: 'topics',
        message: 'cpec-security is not in the topics.csv shown now: upload your topics.csv with this file.',
      }),
      expect.objectContaining({
        column: 'source_id',
        message: 'c1, u1 are not in the sources.csv shown now: upload your sources.csv with this file.',
      }),
    ]);
    expect(r.problems.slice(0, 3).every((p) => p.line === undefined && p.severity === 'warning')).toBe(true);
    // With the sources file uploaded, its lines are checked against it: no line asks for it.
    const withSources = ingest(
      [...file(fixture(name), name), ...file('id,title,publisher,published\nc1,China,,\nu1,UK,,\n', 'sources.csv')],
      current,
      'replace',
    );
    expect(withSources.problems.some((p) => p.column === 'source_id')).toBe(false);
    expect(withSources.problems.filter((p) => p.line === undefined)).toHaveLength(2);
  });

  it('the note for a whole file names the venue column as the file spells it (“Venue ID”), as its rows’ warnings do', () => {
    const spelled = [
      header!.replace('venue_id', 'Venue ID'),
      ...lines,
      'x-1,2026-01-05,held,Afghanistan,Talks,1,,beijing,border-security,,,s2,q,s',
    ].join('\n');
    const r = ingest(file(spelled, 'venue-id.csv'), current, 'replace');
    const note = r.problems.find((p) => p.line === undefined)!;
    expect(note.message).toBe(
      'beijing is not in the venues.geojson shown now: upload your venues.geojson with this file.',
    );
    expect(note.column).toBe('Venue ID');
    expect(r.problems.find((p) => p.line === 11)!.column).toBe('Venue ID');
  });

  it('a typing slip is guessed only where it is plausible: typed on few lines, not near the same id as another, most of the id standing', () => {
    const row = (i: number, venue: string, source = 's3') =>
      `x-${i},2026-01,planned,United States,Counterterrorism Dialogue,,,${venue},,,,${source},q,s`;
    const hints = (rows: string[]) =>
      new Map(
        ingest(file([header!, ...rows].join('\n')), current, 'merge')
          .problems.filter((p) => p.message.startsWith('Unknown'))
          .map((p) => [p.value, p.message.match(/Did you mean “([^”]*)”/)?.[1] ?? null]),
      );
    expect(hints([row(1, 'kabil')])).toEqual(new Map([['kabil', 'kabul']]));
    expect(hints([1, 2, 3, 4].map((i) => row(i, 'kabil')))).toEqual(new Map([['kabil', 'kabul']]));
    // Written the same way on five lines: an id chosen, not mistyped.
    expect(hints([1, 2, 3, 4, 5].map((i) => row(i, 'kabil')))).toEqual(new Map([['kabil', null]]));
    // Two ids each a slip from kabul: a scheme of new venues, not two slips of one.
    expect(hints([row(1, 'kabil'), row(2, 'kabol')])).toEqual(
      new Map([
        ['kabil', null],
        ['kabol', null],
      ]),
    );
    // One letter of two is no slip: c1 is not s1 mistyped.
    expect(hints([row(1, 'kabul', 'c1')])).toEqual(new Map([['c1', null]]));
  });

  it('a source id in other case gets a "did you mean", as venue and topic ids do; one numbered otherwise does not', () => {
    const r = ingest(file(fixture('dialogues-source-id-in-capitals.csv')), current, 'replace');
    expect(r.problems).toEqual([
      expect.objectContaining({
        line: 7,
        column: 'source_id',
        value: 'S2',
        message:
          'Unknown source “S2”: sources.csv does not list it. Did you mean “s2” (Pakistan, Afghanistan Pledge Joint Response to Terrorism in…)? Ids must match exactly.',
      }),
    ]);
    // s2 is one typing slip from s1, but another number: another source, not a slip.
    const one = ingest(
      [
        ...file(current.dialogues, 'dialogues.csv'),
        ...file('id,title,publisher,published\ns1,Strengthening,,\n', 'sources.csv'),
      ],
      current,
      'replace',
    );
    const s2 = one.problems.filter((p) => p.column === 'source_id' && p.value === 's2');
    expect(s2.length).toBeGreaterThan(0);
    expect(s2.every((p) => !p.message.includes('Did you mean'))).toBe(true);
  });

  it('an id with a character that reads as another gets a "did you mean" naming it: the two look the same', () => {
    const pasted = editRow('us-2023-03-ct', (l) => l.replace(',counter-terrorism,', ',counter\u2011terrorism,'));
    const r = ingest(file([header, ...pasted].join('\n')), current, 'replace');
    expect(r.problems.find((p) => p.column === 'topics')?.message).toBe(
      'Unknown topic “counter\u2011terrorism”: topics.csv does not define it. It is shown under its id. Did you mean “counter-terrorism” (Counter-terrorism)? This one has a non-breaking hyphen (U+2011). Ids must match exactly.',
    );
  });

  it('a new meeting id that is one shown now in other case is said, as a pasted non-breaking hyphen is', () => {
    const text = fixture('dialogues-id-in-capitals.csv');
    const r = ingest(file(text), current, 'replace');
    expect([r.diff.added, r.diff.removed]).toEqual([1, 1]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        line: 5,
        column: 'id',
        value: 'EU-2026-POLITICAL',
        severity: 'warning',
        message:
          '“EU-2026-POLITICAL” differs from “eu-2026-political”, a meeting shown now, only in case: ids must match exactly, so as it is, that meeting is removed and this row added as a new one. Write it as “eu-2026-political”.',
      }),
    ]);
    // Merging, the meeting shown stays and this one is added beside it.
    expect(ingest(file(text), current, 'merge').problems[0]!.message).toContain(
      'this row is added as a second meeting beside it',
    );
  });

  it('two ids of one file that differ only in case, or in dashes, underscores and spaces, are a warning naming both lines', () => {
    // The meeting shown now stays (its row is kept), and a copy under its id in capitals is added.
    const text = fixture('dialogues-id-twice-in-other-case.csv');
    for (const mode of ['replace', 'merge'] as const) {
      const r = ingest(file(text), current, mode);
      expect([r.errors, r.diff.added, r.diff.removed]).toEqual([0, 1, 0]);
      expect(r.problems).toEqual([
        {
          file: 'upload.csv',
          line: 11,
          column: 'id',
          value: 'EU-2025-Migration-3',
          severity: 'warning',
          message:
            '“EU-2025-Migration-3” (line 11) differs from “eu-2025-migration-3” on line 3 of this file only in case: ids must match exactly, so as it is, the two rows are applied as two meetings. If they are the same meeting, delete one of the rows; if not, give each an id that differs by more than that.',
        },
      ]);
    }
    // Two new ids, one with underscores and a capital, the other with a non-breaking hyphen.
    const row = (id: string) => `${id},2027,planned,European Union,Migration and Mobility Dialogue,4,,,,,,s1,q,s`;
    const two = ingest(
      file(
        [
          header,
          ...lines,
          row('eu-2027-migration-4'),
          row('EU_2027_migration_4'),
          row('eu-2027\u2011migration-4'),
        ].join('\n'),
      ),
      current,
      'replace',
    );
    expect(two.problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [
        12,
        '“EU_2027_migration_4” (line 12) differs from “eu-2027-migration-4” on line 11 of this file only in case and in its dashes, underscores or spaces',
      ],
      [
        13,
        '“eu-2027\u2011migration-4” (line 13) reads as “eu-2027-migration-4” on line 11 of this file, but has a non-breaking hyphen (U+2011)',
      ],
    ]);
    // Against a meeting shown now that the upload lacks, said as before, dashes and spaces too.
    const spaced = ingest(
      file(
        [header, ...editRow('eu-2026-political', (l) => l.replace('eu-2026-political', 'eu 2026 political'))].join(
          '\n',
        ),
      ),
      current,
      'replace',
    );
    expect(spaced.problems.map((p) => p.message)).toEqual([
      '“eu 2026 political” differs from “eu-2026-political”, a meeting shown now, only in its dashes, underscores or spaces: ids must match exactly, so as it is, that meeting is removed and this row added as a new one. Write it as “eu-2026-political”.',
    ]);
  });

  it('a meeting copied under a new id is a warning naming both rows: the same partner, track and round, on the same day', () => {
    const text = fixture('dialogues-meeting-copied-under-new-id.csv');
    const copied =
      '“eu-2025-07-17-bilateral-copy” (line 11) and “eu-2025-07-17-bilateral” (line 2) are both round 10 of European Union’s Bilateral Dialogue, on the same date (2025-07-17): applied as they are, the timeline shows that round twice, and its track’s usual interval counts 0 months between them. If they are one meeting, delete one of the rows; if not, correct the round number.';
    for (const mode of ['replace', 'merge'] as const) {
      const r = ingest(file(text), current, mode);
      expect([r.errors, r.diff.added]).toEqual([0, 1]);
      expect(r.problems).toEqual([
        { file: 'upload.csv', line: 11, column: 'round', value: '10', message: copied, severity: 'warning' },
      ]);
    }
    // Merging a file of the copy alone: its round is one of a meeting shown now that the merge keeps.
    const alone = ingest(file([header, text.trimEnd().split('\n').at(-1)].join('\n')), current, 'merge');
    expect(alone.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [
        2,
        'round',
        expect.stringMatching(
          /^“eu-2025-07-17-bilateral-copy” \(line 2\) and “eu-2025-07-17-bilateral” \(a meeting shown now that merging keeps\) are both round 10 /,
        ),
      ],
    ]);
    // Replacing, the file alone is all there will be: no other row has that round.
    expect(ingest(file([header, text.trimEnd().split('\n').at(-1)].join('\n')), current, 'replace').problems).toEqual(
      [],
    );
  });

  it('a planned round added again as held, the planned row left in, is said; rounds on other days or without a number are not', () => {
    const held = 'af-2026-03-02-as-2,2026-03-02,held,Afghanistan,Additional Secretary-level talks,2,,kabul,,,,s2,q,s';
    const r = ingest(file([header, ...lines, held].join('\n')), current, 'replace');
    expect(r.problems.map((p) => [p.line, p.column, p.value, p.message])).toEqual([
      [
        11,
        'round',
        '2',
        '“af-2026-03-02-as-2” (line 11) and “af-as-2-kabul” (line 7) are both round 2 of Afghanistan’s Additional Secretary-level talks (2026-03-02; no date): applied as they are, the timeline shows that round twice, the planned one as still to come. If they are one meeting, delete one of the rows (a planned round since held: keep the held one); if not, correct the round number.',
      ],
    ]);
    // A round planned for 2025 and held in February 2026, the planned row left in: plans slip, so said too.
    const slipped =
      'eu-2026-02-10-migration-3,2026-02-10,held,European Union,Migration and Mobility Dialogue,3,,brussels,,,,s1,q,s';
    expect(ingest(file([header, ...lines, slipped].join('\n')), current, 'replace').problems).toMatchObject([
      { line: 11, column: 'round', value: '3' },
    ]);
    // A round known to its year and the same round dated within it could be one day: said.
    const inYear = 'eu-2025-09-10-strategic-7,2025-09-10,held,European Union,Strategic Dialogue,7,,brussels,,,,s1,q,s';
    expect(ingest(file([header, ...lines, inYear].join('\n')), current, 'replace').problems).toHaveLength(1);
    // Not said: a round meeting on a second day; a round of another track or partner with that number;
    // a meeting without a round number on a day none of its track's others could be (the US Counterterrorism Dialogue's).
    const fine = [
      'eu-2025-07-18-bilateral,2025-07-18,held,European Union,Bilateral Dialogue,10,,brussels,,,,s1,q,s',
      'eu-2027-political-10,2027,planned,European Union,Political Dialogue,10,,,,,,s1,q,s',
      'us-2027-bilateral-10,2027,planned,United States,Bilateral Dialogue,10,,,,,,s3,q,s',
      'us-2025-08-13-ct,2025-08-13,held,United States,Counterterrorism Dialogue,,,islamabad,,,,s3,q,s',
    ];
    for (const mode of ['replace', 'merge'] as const)
      expect(ingest(file([header, ...lines, ...fine].join('\n')), current, mode).problems).toEqual([]);
  });

  it('a meeting without a round number copied under a new id is a warning naming both rows: the same partner and track, on a day that could be the same', () => {
    // The US Counterterrorism Dialogue's rows have no round number: lines 8, 9 and 10 (2023-03, 2024-05, 2025-08-12).
    const copy = 'us-2025-08-12-ct-copy,2025-08-12,held,United States,Counterterrorism Dialogue,,,islamabad,,,,s3,q,s';
    const copied =
      '“us-2025-08-12-ct-copy” (line 11) and “us-2025-08-12-ct” (line 10) are both meetings of United States’s Counterterrorism Dialogue without a round number, on the same date (2025-08-12): applied as they are, the timeline shows that meeting twice, and its track’s usual interval counts 0 months between them. If they are one meeting, delete one of the rows; if not, give each its round number.';
    for (const mode of ['replace', 'merge'] as const) {
      const r = ingest(file([header, ...lines, copy].join('\n')), current, mode);
      expect([r.errors, r.diff.added]).toEqual([0, 1]);
      expect(r.problems).toEqual([
        { file: 'upload.csv', line: 11, column: 'date', value: '2025-08-12', message: copied, severity: 'warning' },
      ]);
    }
    // Merging the copy alone: the meeting it copies is shown now, and the merge keeps it.
    expect(ingest(file([header, copy].join('\n')), current, 'merge').problems.map((p) => [p.line, p.message])).toEqual([
      [
        2,
        expect.stringMatching(
          /^“us-2025-08-12-ct-copy” \(line 2\) and “us-2025-08-12-ct” \(a meeting shown now that merging keeps\) are both meetings of United States’s Counterterrorism Dialogue without a round number, on the same date \(2025-08-12\)/,
        ),
      ],
    ]);
    // A day within a month known only to its month could be that day: a copy given its day is said too.
    const refined = 'us-2023-03-15-ct,2023-03-15,held,United States,Counterterrorism Dialogue,,,,,,,s3,q,s';
    expect(ingest(file([header, ...lines, refined].join('\n')), current, 'replace').problems).toMatchObject([
      { line: 11, column: 'date', value: '2023-03-15', message: expect.stringContaining('(2023-03-15; 2023-03)') },
    ]);
    // Not said: another day, another month (a month is not of another), a planned meeting announced without a date.
    const fine = [
      'us-2025-08-13-ct,2025-08-13,held,United States,Counterterrorism Dialogue,,,islamabad,,,,s3,q,s',
      'us-2024-06-ct,2024-06,held,United States,Counterterrorism Dialogue,,,,,,,s3,q,s',
      'us-next-ct,,planned,United States,Counterterrorism Dialogue,,,,,,,s3,q,s',
    ];
    for (const mode of ['replace', 'merge'] as const)
      expect(ingest(file([header, ...lines, ...fine].join('\n')), current, mode).problems).toEqual([]);
  });

  it('a meeting without a round number planned for a year, beside one of its track held on a day in that year, is said: most likely the plan left in once held', () => {
    const planned = 'us-2025-ct-planned,2025,planned,United States,Counterterrorism Dialogue,,,,,,,s3,q,s';
    const r = ingest(file([header, ...lines, planned].join('\n')), current, 'replace');
    expect(r.problems.map((p) => [p.line, p.column, p.value, p.message])).toEqual([
      [
        11,
        'date',
        '2025',
        '“us-2025-ct-planned” (line 11) and “us-2025-08-12-ct” (line 10) are both meetings of United States’s Counterterrorism Dialogue without a round number (2025; 2025-08-12): applied as they are, the timeline shows that meeting twice, the planned one as still to come. If they are one meeting, delete one of the rows (a planned meeting since held: keep the held one); if not, write their dates to the day, or give each its round number.',
      ],
    ]);
    // Planned for a month of that year other than the held one's: another meeting, not said.
    const later = planned.replace(',2025,', ',2025-11,');
    expect(ingest(file([header, ...lines, later].join('\n')), current, 'replace').problems).toEqual([]);
    // The year first, then the day: the day's row is the one said, at its line.
    const [us1, us2, us3] = lines.slice(6, 9) as [string, string, string];
    const reordered = [header, ...lines.slice(0, 6), planned, us1, us2, us3].join('\n');
    expect(ingest(file(reordered), current, 'replace').problems.map((p) => [p.line, p.value])).toEqual([
      [11, '2025-08-12'],
    ]);
  });

  it('a file of many copies of a meeting without a round number lists the first 20 and counts the rest in one warning', () => {
    const rows = Array.from(
      { length: 25 },
      (_, i) => `copy-${i},2025-08-12,held,United States,Counterterrorism Dialogue,,,islamabad,,,,s3,q,s`,
    );
    const r = ingest(file([header, ...lines, ...rows].join('\n')), current, 'replace');
    expect(r.warnings).toBe(21);
    expect(r.problems[0]).toEqual({
      file: 'upload.csv',
      message:
        '5 more rows are each a meeting another row is too (the same partner and track, neither with a round number, on the same day as far as their dates say), beyond the 20 listed at their lines: applied as they are, the timeline shows those meetings twice.',
      severity: 'warning',
    });
    expect(r.problems.slice(1).map((p) => p.line)).toEqual(Array.from({ length: 20 }, (_, i) => 11 + i));
  });

  it('a file of many repeated rounds lists the first 20 at their lines and counts the rest in one warning', () => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `copy-${i},2025-07-17,held,European Union,Bilateral Dialogue,10,,brussels,,,,s1,q,s`,
    );
    const r = ingest(file([header, ...lines, ...rows].join('\n')), current, 'replace');
    expect(r.warnings).toBe(21); // the first 20, and one for the rest
    expect(r.problems[0]).toEqual({
      file: 'upload.csv',
      message:
        '30 more rows are each a round another row is too (the same partner, track and round number, on the same day as far as their dates say), beyond the 20 listed at their lines: applied as they are, the timeline shows those rounds twice.',
      severity: 'warning',
    });
    expect(r.problems.slice(1).map((p) => p.line)).toEqual(Array.from({ length: 20 }, (_, i) => 11 + i));
  });

  it('a partner with a no-break space, read as a new partner, names the character: the two names look the same', () => {
    const r = ingest(file(fixture('dialogues-partner-no-break-space.csv')), current, 'replace', () => {}, true);
    expect(r.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [
        5,
        'partner',
        '“European\u00a0Union” (with a no-break space (U+00A0)) would be a new partner, but the data shown now has “European Union”: if they are the same partner, write it as “European Union”, or the charts show them as two.',
      ],
    ]);
  });

  it('a new topic, venue or source id that spells one in use otherwise (Migration for migration) is a warning naming it', () => {
    const topics = ingest(file(fixture('topics-id-in-other-case.csv'), 'topics.csv'), current, 'merge');
    expect(topics.problems).toEqual([
      {
        file: 'topics.csv',
        line: 2,
        column: 'id',
        value: 'Migration',
        message:
          '“Migration” would be a new topic, but the data shown now has “migration”: ids must match exactly, so if they are the same topic, write it as “migration”, or meetings citing the one are not counted with the other.',
        severity: 'warning',
      },
    ]);
    // Two spellings within one file; a venue in GeoJSON is named by its feature.
    const venues = JSON.parse(current.venues) as { features: { properties: { id: string } }[] };
    venues.features.push(structuredClone(venues.features[0]!));
    venues.features.at(-1)!.properties.id = 'Brussels';
    const geo = ingest(file(JSON.stringify(venues), 'venues.geojson'), current, 'merge');
    expect(geo.problems).toContainEqual(
      expect.objectContaining({
        feature: 4,
        column: 'id',
        value: 'Brussels',
        message: expect.stringContaining('has “brussels”'),
      }),
    );
    const twice = ingest(
      file('id,title,publisher,published\nnew-one,A,,\nnew_one,B,,\n', 'sources.csv'),
      current,
      'merge',
    );
    expect(twice.problems.map((p) => [p.line, p.message])).toEqual([
      [3, expect.stringMatching(/^“new_one” would be a new source, but an earlier row of this file has “new-one”/)],
    ]);
  });

  it('names spelled unlike the same one in use are warned of, with the name meant; ids get a "did you mean"', () => {
    const variants = lines.map((l) => {
      if (l.startsWith('eu-2025-migration-3')) return l.replace(',European Union,', ',EU,');
      if (l.startsWith('eu-2025-strategic-7')) return l.replace(',European Union,', ',european union,');
      if (l.startsWith('us-2025-08-12-ct'))
        return l
          .replace(',Counterterrorism Dialogue,', ',Counter-terrorism dialogue,')
          .replace(',islamabad,', ',Islamabad,');
      return l;
    });
    const r = ingest(file([header!, ...variants].join('\n')), current, 'replace', () => {}, true);
    const line = (id: string) => variants.findIndex((l) => l.startsWith(id)) + 2;
    const said = r.problems.map((p) => [p.line, p.column, p.value, p.message]);
    expect(said).toEqual(
      expect.arrayContaining([
        [
          line('eu-2025-migration-3'),
          'partner',
          'EU',
          expect.stringContaining('the data shown now has “European Union”'),
        ],
        [
          line('eu-2025-strategic-7'),
          'partner',
          'european union',
          expect.stringContaining('write it as “European Union”'),
        ],
        [
          line('us-2025-08-12-ct'),
          'track',
          'Counter-terrorism dialogue',
          expect.stringContaining('“Counterterrorism Dialogue”'),
        ],
        [
          line('us-2025-08-12-ct'),
          'venue_id',
          'Islamabad',
          expect.stringMatching(/Did you mean “islamabad” \(Islamabad\)\?/),
        ],
      ]),
    );
    expect(r.problems.every((p) => p.severity === 'warning')).toBe(true);
    // Said in the review only: the data applied does not warn that it differs from itself.
    expect(r.pack!().problems.filter((p) => p.column === 'partner' || p.column === 'track')).toEqual([]);
    // A track is compared with its own partner's tracks only.
    const other = `${header}\nuk-1,2026-01,planned,United Kingdom,Counter-Terrorism Dialogue,,,,,,,s1,q,s\n`;
    const uk = ingest(file(other), current, 'merge', () => {}, true);
    expect(uk.problems.filter((p) => p.column === 'track')).toEqual([]);
    // Names that are simply new are not questioned.
    const fresh = `${header}\nq-1,2026-01,planned,Qatar,Doha Talks,,,,,,,s1,q,s\n`;
    const merged = ingest(file(fresh), current, 'merge', () => {}, true);
    expect(merged.problems.filter((p) => p.column === 'partner' || p.column === 'track')).toEqual([]);
  });

  it('in an all-new file, a partner spelled two ways is warned of at its second spelling', () => {
    const text = [
      header,
      'n-1,2026-01,held,Gulf Cooperation Council,Talks,,,,,,,s1,q,s',
      'n-2,2026-02,held,GCC,Talks,,,,,,,s1,q,s',
    ].join('\n');
    const r = ingest(file(text), current, 'replace', () => {}, true);
    expect(r.problems.filter((p) => p.column === 'partner')).toMatchObject([
      {
        line: 3,
        value: 'GCC',
        message: expect.stringContaining('an earlier row of this file has “Gulf Cooperation Council”'),
      },
    ]);
  });

  it('topics run together with commas, and a date as Excel’s day number, are told what to write', () => {
    const typed = lines.map((l) =>
      l.startsWith('us-2023-03-ct')
        ? l
            .replace(',counter-terrorism,', ',"counter-terrorism, Migration and mobility",')
            .replace(',2023-03,', ',45855,')
        : l,
    );
    const r = ingest(file([header!, ...typed].join('\n')), current, 'replace');
    const at = typed.findIndex((l) => l.startsWith('us-2023-03-ct')) + 2;
    expect(r.problems.find((p) => p.column === 'topics')).toMatchObject({
      line: at,
      message: expect.stringMatching(/Topics are separated by “;”: write counter-terrorism;migration\.$/),
    });
    expect(r.problems.find((p) => p.column === 'date')).toMatchObject({
      line: at,
      severity: 'error',
      message: expect.stringContaining('a spreadsheet’s day number, which is 2025-07-17'),
    });
  });

  it('beside a line below a value with line breaks, the problem names the row a spreadsheet shows it on', () => {
    // Line 2's summary holds two line breaks: a spreadsheet shows lines 2–4 as one row, so line 6 is its row 4.
    const text = [
      header,
      'a1,2025-01,held,Qatar,Talks,,,,,,,s1,q,"one\ntwo\nthree"',
      'a2,2025-02,held,Qatar,Talks,,,,,,,s1,q,s',
      'a3,2025-13,held,Qatar,Talks,,,,,,,s1,q,s',
    ].join('\n');
    const r = ingest(file(text), current, 'replace');
    expect(r.problems.filter((p) => p.severity === 'error')).toMatchObject([{ line: 6, row: 4, column: 'date' }]);
    expect(describeLocation(r.problems.find((p) => p.severity === 'error')!)).toBe(
      'upload.csv, line 6 (row 4 in a spreadsheet), column “date”',
    );
    // The diff names the same rows: a3's line, and a meeting shown now whose row in the upload has errors.
    const rowsInDiff = (r: ReturnType<typeof ingest>) =>
      r.diff.rows.map((d) => [d.id, d.change, d.line, d.row, d.errorRow]);
    const sepOnes = ingest(file(text.replace('a3,', 'us-2023-03-ct,')), current, 'merge');
    expect(rowsInDiff(sepOnes).filter(([id]) => id !== 'us-2023-03-ct')).toEqual([
      ['a1', 'added', 2, undefined, undefined],
      ['a2', 'added', 5, 3, undefined],
    ]);
    const replaced = ingest(file(text.replace('a3,', 'us-2023-03-ct,')), current, 'replace');
    expect(replaced.diff.rows.find((d) => d.id === 'us-2023-03-ct')).toMatchObject({ errorLine: 6, errorRow: 4 });
    // Excel hides a sep= line: every row is one less; a file with neither says the line alone.
    const sep = ingest(file(`sep=,\n${header}\n${'a3,2025-13,held,Qatar,Talks,,,,,,,s1,q,s'}`), current, 'replace');
    expect(sep.problems.find((p) => p.severity === 'error')).toMatchObject({ line: 3, row: 2 });
    const plain = ingest(file(`${header}\na3,2025-13,held,Qatar,Talks,,,,,,,s1,q,s`), current, 'replace');
    expect(plain.problems.find((p) => p.severity === 'error')).not.toHaveProperty('row');
  });

  it('a row with too many cells is an error whose meeting is not silently removed', () => {
    const ragged = lines.map((l) => (l.startsWith('us-2023-03-ct') ? l.replace(',held,', ',held,extra,') : l));
    const r = ingest(file([header!, ...ragged].join('\n')), current, 'replace');
    expect([r.diff.removed, r.diff.removedByErrors]).toEqual([1, 1]);
    expect(r.diff.rows[0]).toMatchObject({
      id: 'us-2023-03-ct',
      errorLine: ragged.findIndex((l) => l.startsWith('us-2023-03-ct')) + 2,
    });
  });

  it('lists a venue’s values in one order, lat before lon, whether it came from GeoJSON or a table', () => {
    const table =
      'id,name,country,lat,lon\nbrussels,Brussels,Belgium,50.85,4.35\ngeneva,Geneva,Switzerland,46.2,6.14\n';
    const r = ingest(file(table, 'venues.csv'), current, 'replace');
    const columns = (id: string) => r.diff.rows.find((x) => x.id === id)!.fields.map((f) => f.column);
    const added = columns('geneva');
    const removed = columns('kabul'); // from the published venues.geojson
    expect(added.indexOf('lat')).toBeLessThan(added.indexOf('lon'));
    expect(removed.indexOf('lat')).toBeLessThan(removed.indexOf('lon'));
  });

  it('names where an added or changed venue is in an uploaded venues.geojson: its feature, as its problems do', () => {
    // Kabul dropped, Doha added first, Islamabad renamed: Islamabad is now feature 3 of the upload.
    const doc = JSON.parse(current.venues) as {
      features: { properties: { id: string; name: string }; geometry: { coordinates: number[] } }[];
    };
    const kabul = doc.features.findIndex((f) => f.properties.id === 'kabul');
    const doha = structuredClone(doc.features[kabul]!);
    doha.properties = { ...doha.properties, id: 'doha', name: 'Doha' };
    doha.geometry.coordinates = [51.53, 25.29];
    doc.features.splice(kabul, 1);
    doc.features.unshift(doha);
    doc.features.find((f) => f.properties.id === 'islamabad')!.properties.name = 'Islamabad (capital)';
    const r = ingest(file(JSON.stringify(doc, null, 2), 'venues.geojson'), current, 'replace');
    const where = r.diff.rows.map(({ id, change, line, feature }) => ({ id, change, line, feature }));
    expect(where).toEqual([
      { id: 'doha', change: 'added', line: 0, feature: 1 },
      { id: 'islamabad', change: 'changed', line: 0, feature: 3 },
      // Not in the upload: nowhere in it.
      { id: 'kabul', change: 'removed', line: 0, feature: undefined },
    ]);
    // Merging, too; and a venues table keeps its lines.
    expect(ingest(file(JSON.stringify(doc), 'venues.geojson'), current, 'merge').diff.rows).toEqual([
      expect.objectContaining({ id: 'doha', change: 'added', feature: 1 }),
      expect.objectContaining({ id: 'islamabad', change: 'changed', feature: 3 }),
    ]);
    const table = 'id,name,country,lat,lon\ndoha,Doha,Qatar,25.29,51.53\n';
    const rows = ingest(file(table, 'venues.csv'), current, 'merge').diff.rows;
    expect(rows).toEqual([expect.objectContaining({ id: 'doha', change: 'added', line: 2 })]);
    expect(rows[0]).not.toHaveProperty('feature');
  });

  it('says which venues are removed only because their feature in the upload has errors', () => {
    // Kabul's coordinates typed the wrong way round: the venue is not read, so it would go.
    const doc = JSON.parse(current.venues) as {
      features: { properties: { id: string }; geometry: { coordinates: number[] } }[];
    };
    const kabul = doc.features.findIndex((f) => f.properties.id === 'kabul');
    doc.features[kabul]!.geometry.coordinates.reverse();
    doc.features[kabul]!.geometry.coordinates[1] = 169.2;
    const r = ingest(file(JSON.stringify(doc), 'venues.geojson'), current, 'replace');
    expect(r.errors).toBeGreaterThan(0);
    expect([r.diff.removed, r.diff.removedByErrors]).toEqual([1, 1]);
    expect(r.diff.rows).toEqual([
      expect.objectContaining({ kind: 'venues', id: 'kabul', change: 'removed', errorFeature: kabul + 1 }),
    ]);
    // A venue really left out of the file is removed without that note; a feature with no id names none.
    doc.features.splice(kabul, 1);
    const left = ingest(file(JSON.stringify(doc), 'venues.geojson'), current, 'replace');
    expect([left.diff.removed, left.diff.removedByErrors]).toEqual([1, 0]);
    expect(left.diff.rows[0]).not.toHaveProperty('errorFeature');
  });

  it('merging keeps rows the upload does not mention and upserts the rest', () => {
    const r = ingest(file(edited), current, 'merge');
    expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([1, 1, 0]);
    const merged = parseDialogues(r.texts.dialogues).rows;
    expect(merged.map((d) => d.id)).toEqual([...lines.map((l) => l.split(',')[0]), 'new-1']);
    expect(merged.find((d) => d.id === 'eu-2026-political')!.date!.text).toBe('2026-06');
  });

  it('merging, keeps the values of a column the file does not have, and says which columns it keeps', () => {
    // Only the required columns: it says nothing of the meeting's round, evidence or summary.
    const slim = fixture('dialogues-merge-required-columns-only.csv');
    const r = ingest(file(slim, 'slim.csv'), current, 'merge');
    expect([r.errors, r.diff.added, r.diff.changed, r.diff.removed]).toEqual([0, 0, 1, 0]);
    expect(r.diff.rows[0]!.fields.map((f) => f.column)).toEqual(['date', 'status', 'venue_id']);
    const was = parseDialogues(current.dialogues).rows.find((d) => d.id === 'eu-2025-migration-3')!;
    const merged = parseDialogues(r.texts.dialogues).rows.find((d) => d.id === 'eu-2025-migration-3')!;
    expect([merged.date!.text, merged.status, merged.venueId]).toEqual(['2025-11-20', 'held', 'brussels']);
    expect([merged.round, merged.evidence, merged.summary]).toEqual([was.round, was.evidence, was.summary]);
    expect(merged.round).toBe(3);
    expect(r.diff.kept).toEqual({
      file: 'slim.csv',
      columns: ['round', 'level', 'lead_pakistan', 'lead_partner', 'evidence', 'summary'],
      meetings: 1,
    });
    // Packed for Apply, the same values.
    const packed = ingest(file(slim, 'slim.csv'), current, 'merge', () => {}, true).pack!();
    const meeting = runNow(unpackSteps(packed)).dataset.dialogues.find((d) => d.id === 'eu-2025-migration-3')!;
    expect([meeting.round, meeting.summary]).toEqual([was.round, was.summary]);
  });

  it('merging, empties a value whose cell is empty in a column the file has', () => {
    const row =
      'eu-2025-migration-3,2025-11-20,held,European Union,Migration and Mobility Dialogue,brussels,migration,s1,';
    const r = ingest(
      file(`id,date,status,partner,track,venue_id,topics,source_id,summary\n${row}\n`),
      current,
      'merge',
    );
    const summary = r.diff.rows[0]!.fields.find((f) => f.column === 'summary')!;
    expect(summary.after).toBe('');
    expect(summary.before).not.toBe('');
    const merged = parseDialogues(r.texts.dialogues).rows.find((d) => d.id === 'eu-2025-migration-3')!;
    expect(merged.summary).toBe('');
    expect(merged.evidence).not.toBe('');
    expect(r.diff.kept!.columns).toEqual(['round', 'level', 'lead_pakistan', 'lead_partner', 'evidence']);
  });

  it('replacing, a column the file does not have is empty, and nothing is said to be kept', () => {
    const r = ingest(file(fixture('dialogues-merge-required-columns-only.csv')), current, 'replace');
    expect(r.diff.rows.find((x) => x.change === 'changed')!.fields.map((f) => f.column)).toEqual([
      'date',
      'status',
      'round',
      'venue_id',
      'evidence',
      'summary',
    ]);
    expect(r.diff.kept).toBeUndefined();
    // A merge that only adds meetings keeps nothing either.
    const added = 'new-1,2026-01,planned,Afghanistan,Talks,kabul,refugees,s2';
    const fresh = ingest(file(`id,date,status,partner,track,venue_id,topics,source_id\n${added}\n`), current, 'merge');
    expect(fresh.diff.kept).toBeUndefined();
  });

  it('a file with its header and no rows is a warning naming it, in either mode', () => {
    for (const mode of ['replace', 'merge'] as const) {
      const r = ingest(file(fixture('dialogues-header-only.csv'), 'header-only.csv'), current, mode);
      expect(r.problems).toEqual([
        {
          file: 'header-only.csv',
          message: 'header-only.csv has its header but no rows: was the right sheet saved?',
          severity: 'warning',
        },
      ]);
      expect([r.errors, r.warnings]).toEqual([0, 1]);
    }
    // A topics file too; one with a row is not told so, nor is an empty file (it has its own error).
    const topicsHeader = current.topics.split('\n')[0]!;
    expect(ingest(file(`${topicsHeader}\n`, 'topics.csv'), current, 'replace').problems[0]!.message).toBe(
      'topics.csv has its header but no rows: was the right sheet saved?',
    );
    const one = ingest(file(`${header}\n${lines[0]}\n`), current, 'merge');
    expect(one.problems.filter((p) => p.message.includes('no rows'))).toEqual([]);
    expect(ingest(file('', 'empty.csv'), current, 'replace').problems.map((p) => p.message)).toEqual([
      'The file is empty.',
    ]);
  });

  it('gives the same answer with the current data indexed beforehand', () => {
    const indexed = new CurrentData(current);
    const a = ingest(file(edited), indexed, 'replace');
    const b = ingest(file(edited), current, 'replace');
    expect(a.diff).toEqual(b.diff);
  });

  it('finds changes in rows whose bytes are unchanged when the columns were reordered', () => {
    const head = 'venue_id,topics,source_id';
    const shown = { ...current, dialogues: `id,date,status,partner,track,${head}\nx,2025,held,Alpha,Talks,,,s1\n` };
    const swapped = `id,date,status,track,partner,${head}\nx,2025,held,Alpha,Talks,,,s1\n`;
    const r = ingest(file(swapped), new CurrentData(shown), 'replace');
    expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([0, 1, 0]);
    expect(r.diff.rows[0]!.fields.map((f) => f.column)).toEqual(['partner', 'track']);
    // The same bytes under the same header: unchanged; the same values written differently: unchanged too.
    expect(ingest(file(shown.dialogues), new CurrentData(shown), 'replace').diff.changed).toBe(0);
    const respaced = `id,date,status,partner,track,${head}\r\n"x", 2025 ,held,Alpha,"Talks",,,s1\r\n`;
    expect(ingest(file(respaced), new CurrentData(shown), 'replace').diff.changed).toBe(0);
  });

  it('lists problems as the files read: file by file as uploaded, line by line, a line’s errors first', () => {
    const meetings = [
      header,
      'n-1,2025-07-17,held,EU,Bilateral Dialogue,11,,brussels,migration,,,s1,q,s',
      'n-2,17/07/2025,held,European Union,Bilateral Dialogue,12,,brussels,migration,,,s1,q,s',
      'n-3,2025-08-01,held,European Union,Bilateral Dialogue,13,,paris,migration,,,s1,q,s',
    ].join('\n');
    const topics = `${current.topics.trimEnd()}\n,No id,security\n`;
    const r = ingest(
      [
        { name: 'meetings.csv', text: meetings },
        { name: 'topics.csv', text: topics },
      ],
      current,
      'merge',
    );
    // Found check by check (topics first, a line's cells, then its references, then the file's variants);
    // the file as a whole first (paris is in no venues file: none came with it).
    expect(r.problems.map((p) => [p.file, p.line, p.severity, p.column])).toEqual([
      ['meetings.csv', undefined, 'warning', 'venue_id'],
      ['meetings.csv', 2, 'warning', 'partner'],
      ['meetings.csv', 3, 'error', 'date'],
      ['meetings.csv', 3, 'warning', 'date'],
      ['meetings.csv', 4, 'warning', 'venue_id'],
      ['topics.csv', current.topics.trimEnd().split('\n').length + 1, 'error', 'id'],
    ]);
  });

  it('a held meeting dated after today is a warning (planned, or a mistyped year?); a year under way is not', () => {
    const year = new Date().getFullYear();
    const text = [
      header,
      `f-1,${year + 1}-03-02,held,Qatar,Talks,,,,,,,s1,q,s`,
      `f-2,${year},held,Qatar,Talks,,,,,,,s1,q,s`,
      `f-3,${year + 1}-09,planned,Qatar,Talks,,,,,,,s1,q,s`,
    ].join('\n');
    const r = ingest(file(text), current, 'merge');
    const future = r.problems.filter((p) => p.column === 'date');
    expect(future).toMatchObject([{ line: 2, severity: 'warning', value: `${year + 1}-03-02` }]);
    expect(future[0]!.message).toMatch(/^A held meeting dated after today \(\d{4}-\d\d-\d\d\): was it planned/);
    expect(r.errors).toBe(0);
  });

  it('a meeting citing a source whose row in the uploaded sources has errors is told to fix that row, not that it is missing', () => {
    const [top, ...rest] = current.sources.trimEnd().split('\n');
    const broken = rest.map((l) => (l.startsWith('s2,') ? l.replace(/,(\d{4}-\d\d-\d\d)$/, ',2025-13-45') : l));
    expect(broken).not.toEqual(rest);
    const r = ingest(
      [...file(current.dialogues, 'dialogues.csv'), ...file([top, ...broken].join('\n'), 'my-sources.csv')],
      current,
      'replace',
    );
    const cited = r.problems.filter((p) => p.column === 'source_id' && p.value === 's2');
    expect(cited.length).toBeGreaterThan(0);
    expect(cited[0]!.message).toBe(
      '“s2” is in my-sources.csv, but its row (line 3) there has errors, so it is left out: fix that and this warning goes.',
    );
  });

  it('checks references against uploaded vocabularies', () => {
    const topics = 'id,label,theme\ncounter-terrorism,CT,security\n';
    const r = ingest([...file(current.dialogues), { name: 't.csv', text: topics }], current, 'replace');
    expect(r.kinds.sort()).toEqual(['dialogues', 'topics']);
    expect(r.warnings).toBeGreaterThan(10);
    expect(r.problems.some((p) => p.column === 'topics' && p.value === 'migration')).toBe(true);
    expect(r.diff.removed).toBe(19); // topics no longer defined
  });
});

describe('recognising files by content', () => {
  it.each([
    ['id,date,status,partner\n', 'dialogues'],
    ['ID;Label;Theme\n', 'topics'],
    ['id\ttitle\tpublisher\n', 'sources'],
    ['{ "type": "FeatureCollection", "features": [] }', 'venues'],
    // A column or two missing: still known, so the check names what is missing.
    ['id,date,partner,track,round,venue_id,topics\n', 'dialogues'],
    ['date,status,partner,track\n', 'dialogues'],
    ['id,theme\n', 'topics'],
    ['title,publisher,published\n', 'sources'],
  ])('%j is %s', (text, kind) => {
    expect(detectKind(text)).toEqual({ kind });
  });

  it('two files of one kind with one name (from two folders) are told apart by their length, CR line ends too', () => {
    const shorter = [header, ...lines.slice(0, 3)].join('\r');
    const r = ingest(
      [
        { name: 'dialogues.csv', text: `${current.dialogues.trimEnd()}\n` },
        { name: 'dialogues.csv', text: shorter },
      ],
      current,
      'replace',
    );
    expect(r.files[1]).toMatchObject({ kind: null });
    expect(r.files[1]!.message).toBe(
      `Two files named “dialogues.csv” hold dialogues.csv: the one picked first (${lines.length + 1} lines) is used and this one (4 lines) is not. Upload one file of each kind.`,
    );
  });

  it('a dialogues.csv without its status column is named as such, not as a file we do not know', () => {
    const cols = header!.split(',');
    const at = cols.indexOf('status');
    const without = current.dialogues
      .trimEnd()
      .split('\n')
      .map((l) => Papa.unparse([Papa.parse<string[]>(l).data[0]!.filter((_, i) => i !== at)]))
      .join('\n');
    const r = ingest(file(without, 'dialogues.csv'), current, 'replace');
    expect(r.kinds).toEqual(['dialogues']);
    // Not read, so not compared: no meeting is listed as removed.
    expect(r.files[0]).toMatchObject({ kind: 'dialogues', unreadable: true });
    expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([0, 0, 0]);
    expect(r.errors).toBe(1);
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        file: 'dialogues.csv',
        line: 1,
        message: expect.stringMatching(/^Missing required column: status\./),
      }),
    );
  });

  it('a venues.geojson cut short: one error at its last line, no venue removed, no meeting loses its venue', () => {
    const cut = current.venues.slice(0, Math.floor(current.venues.length * 0.6));
    const r = ingest(file(cut, 'venues.geojson'), current, 'replace');
    expect(r.files[0]).toMatchObject({ kind: 'venues', unreadable: true });
    expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([0, 0, 0]);
    expect([r.errors, r.warnings]).toEqual([1, 0]);
    expect(r.problems[0]).toMatchObject({ file: 'venues.geojson', line: cut.trimEnd().split('\n').length });
    expect(r.problems[0]!.message).toContain('cut short');
    // Uploaded with a dialogues.csv, the meetings are checked against the venues shown now.
    const both = ingest(
      [...file(cut, 'venues.geojson'), ...file(current.dialogues, 'dialogues.csv')],
      current,
      'replace',
    );
    expect([both.errors, both.warnings]).toEqual([1, 0]);
  });

  it.each(['', 'name,age\n', 'id,date\n', 'id,name,email\n', '{"a":1}', 'id\u0000x'])(
    'rejects %j with a reason',
    (text) => {
      const r = detectKind(text);
      expect(r.kind).toBeNull();
      expect('message' in r && r.message.length).toBeGreaterThan(5);
    },
  );
});

describe('round trips', () => {
  const cell = fc.string({
    unit: fc.constantFrom('a', 'B', ' ', ',', ';', '"', '\n', '=', '+', '-', '@', "'", 'é', '<'),
    maxLength: 10,
  });
  const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
  const day = fc
    .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const trimmed = cell.map((s) => s.trim());
  const row = fc.record({
    date: fc.oneof(
      day,
      day.map((s) => s.slice(0, 7)),
      day.map((s) => s.slice(0, 4)),
    ),
    status: fc.constantFrom('held', 'planned'),
    partner: trimmed.filter((s) => s !== ''),
    track: trimmed.filter((s) => s !== ''),
    round: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
    text: trimmed,
    topics: fc.uniqueArray(id, { maxLength: 3 }),
  });

  it('any valid dataset → download → upload gives an empty diff', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(id, row), { selector: ([i]) => i, minLength: 1, maxLength: 12 }), (rows) => {
        const csv = csvText(
          header!.split(','),
          rows.map(([i, r]) =>
            [
              i,
              r.date,
              r.status,
              r.partner,
              r.track,
              r.round ?? '',
              r.text,
              '',
              r.topics.join(';'),
              r.text,
              r.text,
              's1',
              r.text,
              r.text,
            ].map(String),
          ),
        );
        const shown = { ...current, dialogues: csv };
        const { dataset, problems } = buildDataset(shown);
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        const downloaded = dialoguesCsv(dataset.dialogues);
        const r = ingest(file(downloaded, 'dialogues.csv'), shown, 'replace');
        expect(r.errors).toBe(0);
        expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([0, 0, 0]);
        // The same meetings, on the same lines (a value's line breaks count in both files).
        expect(parseDialogues(downloaded).rows).toEqual(dataset.dialogues);
      }),
      { numRuns: 150 },
    );
  });

  it('a file saved with CR (old Mac Excel) or CRLF (Windows) line breaks, inside cells too, changes nothing; its download is the LF file', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(id, row), { selector: ([i]) => i, minLength: 1, maxLength: 8 }),
        fc.constantFrom('\r', '\r\n'),
        (rows, eol) => {
          const csv = csvText(
            header!.split(','),
            rows.map(([i, r]) =>
              [
                i,
                r.date,
                r.status,
                r.partner,
                r.track,
                r.round ?? '',
                r.text,
                '',
                r.topics.join(';'),
                '',
                '',
                's1',
                r.text,
                r.text,
              ].map(String),
            ),
          );
          const shown = { ...current, dialogues: csv };
          const { dataset } = buildDataset(shown);
          const saved = csv.replaceAll('\n', eol);
          const r = ingest(file(saved, 'dialogues.csv'), shown, 'replace');
          expect(r.errors).toBe(0);
          expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([0, 0, 0]);
          // Read alone, it is the same meetings, and its download is the LF file the data came from.
          const read = buildDataset({ ...current, dialogues: saved }).dataset.dialogues;
          expect(read).toEqual(dataset.dialogues);
          expect(dialoguesCsv(read)).toBe(dialoguesCsv(dataset.dialogues));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a formula cell written to CSV (csvText, as every download) is neutralised, and read back gives the value again', () => {
    const cellOf = (csv: string) => restoreFormula(Papa.parse<string[]>(csv, { delimiter: ',' }).data[1]?.[0] ?? '');
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8 }).filter((v) => !/[\r\n]/.test(v)),
        (v) => {
          expect(cellOf(csvText(['a'], [[v]]))).toBe(v);
        },
      ),
    );
    expect(csvText(['a'], [['=SUM(A1)']])).toBe(`a\n"'=SUM(A1)"\n`);
    expect(csvText(['a'], [["'=x"]])).toBe(`a\n"''=x"\n`);
    expect(csvText(['a'], [['plain']])).toBe('a\nplain\n');
  });

  it('the chunked CSV reader reads what PapaParse writes, cell for cell, as one PapaParse call does', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (table) => {
        const width = table[0]!.length;
        const rows = table.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const text = Papa.unparse(rows, { newline: '\r\n' });
        const read = [...csvRecords(text, { delimiter: ',', newline: '\r\n' })].map((r) => r.cells);
        expect(read).toEqual(Papa.parse<string[]>(text, { delimiter: ',' }).data);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ingestFiles: the top-level check, from bytes', () => {
  it('reads Blobs and text alike, and names a file that is not UTF-8', async () => {
    const text = current.dialogues.replace('eu-2026-political', 'eu-2026-renamed');
    const r = await ingestFiles(
      [
        { name: 'dialogues.csv', data: new Blob([text]) },
        { name: 'latin1.csv', data: new Blob([new Uint8Array([0x69, 0x64, 0x0a, 0xe9, 0x0a])]) },
      ],
      current,
    );
    expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([1, 0, 1]);
    expect(r.files.map((f) => [f.name, f.kind])).toEqual([
      ['dialogues.csv', 'dialogues'],
      ['latin1.csv', null],
    ]);
    expect(r.problems.find((p) => p.file === 'latin1.csv')?.message).toMatch(/UTF-8/);
    expect((await ingestFiles([{ name: 'd.csv', data: text }], current)).diff).toEqual(r.diff);
  });

  it('says where a Windows-1252 file (Excel’s plain “CSV”) first leaves UTF-8: its line, the character and the words around it', async () => {
    // Line 3 of a CRLF file: "Café" and "Genève" with é and è as single bytes.
    const latin = Buffer.from('id,summary\r\na,fine\r\nb,Lunch at Caf\xe9 Gen\xe8ve\r\n', 'latin1');
    const r = await ingestFiles([{ name: 'excel.csv', data: new Blob([new Uint8Array(latin)]) }], current);
    const problem = r.problems.find((p) => p.file === 'excel.csv')!;
    expect(problem.line).toBe(3);
    expect(problem.message).toBe(
      'This file is not UTF-8 text. Line 3 is the first with a character in another encoding: “é” (as Windows-1252, Excel’s plain “CSV”, writes it) in “b,Lunch at Café Genève”. Save it from the spreadsheet as “CSV UTF-8” (Excel: File › Save As › CSV UTF-8; LibreOffice: character set UTF-8) and upload it again.',
    );
    // A long line is cut around the character; a CR-only file counts its lines too.
    const long = Buffer.from(`id,summary\rx,${'a'.repeat(40)}\xe9${'b'.repeat(40)}\r`, 'latin1');
    const far = await ingestFiles([{ name: 'mac.csv', data: new Blob([new Uint8Array(long)]) }], current);
    const where = far.problems.find((p) => p.file === 'mac.csv')!;
    expect(where.line).toBe(2);
    expect(where.message).toContain(`in “…${'a'.repeat(20)}é${'b'.repeat(19)}…”`);
  });

  it('says a Mac Roman file (Excel’s “CSV (Macintosh)”) is one, with its characters as written', async () => {
    // "Secrétaire générale" and "Zürich" as Mac Roman writes them: é is 0x8E, ü is 0x9F (Ž and Ÿ in Windows-1252).
    const mac = Buffer.from('id,summary\ra,Secr\x8etaire g\x8en\x8erale in Z\x9frich\r', 'latin1');
    const r = await ingestFiles([{ name: 'mac.csv', data: new Blob([new Uint8Array(mac)]) }], current);
    const message = r.problems.find((p) => p.file === 'mac.csv')!.message;
    expect(message).toContain(
      'Line 2 is the first with a character in another encoding: “é” (as Mac Roman, Excel’s “CSV (Macintosh)”, writes it) in “a,Secrétaire générale in Z…”.',
    );
    // Windows' curly quotes and apostrophes (0x91–0x94) are not taken for Mac letters.
    const quotes = Buffer.from('id,summary\r\na,\x93Don\x92t\x94 said the Caf\xe9\r\n', 'latin1');
    const w = await ingestFiles([{ name: 'win.csv', data: new Blob([new Uint8Array(quotes)]) }], current);
    expect(w.problems.find((p) => p.file === 'win.csv')!.message).toContain('(as Windows-1252, Excel’s plain “CSV”');
  });

  it('says an English Windows-1252 file whose only character beyond ASCII is an en dash between letters is Windows-1252, not Arabic', async () => {
    // "China–Pakistan": 0x96 is Windows-1252's en dash (1256's too), and Mac Roman's "ñ".
    const dash = Buffer.from('id,partner\r\na,China\x96Pakistan\r\nb,UK\x96Pakistan\r\n', 'latin1');
    const r = await ingestFiles([{ name: 'cp1252.csv', data: new Blob([new Uint8Array(dash)]) }], current);
    expect(r.problems.find((p) => p.file === 'cp1252.csv')!.message).toContain(
      'Line 2 is the first with a character in another encoding: “–” (as Windows-1252, Excel’s plain “CSV”, writes it) in “a,China–Pakistan”.',
    );
    // An em dash (0x97, Mac Roman's "ó") the same.
    const em = Buffer.from('id,partner\r\na,China\x97Pakistan\r\n', 'latin1');
    const m = await ingestFiles([{ name: 'em.csv', data: new Blob([new Uint8Array(em)]) }], current);
    expect(m.problems.find((p) => p.file === 'em.csv')!.message).toContain('“—” (as Windows-1252, Excel’s plain “CSV”');
  });

  it('says an Urdu file saved as Excel’s plain “CSV” on Windows set to Urdu is Windows-1256, and quotes it as that reads, not as Windows-1252', async () => {
    // "افغانستان" and "خواجہ محمد آصف" as Windows-1256 writes them (ہ is 0xC0, which Windows-1252 reads as À).
    const bytes = Buffer.from(
      '69642c706172746e65722c6c6561645f70616b697374616e0d0a61662d312cc7dddbc7e4d3cac7e42ccee6c7ccc020e3cde3cf20c2d5dd0d0a',
      'hex',
    );
    const r = await ingestFiles([{ name: 'urdu.csv', data: new Blob([new Uint8Array(bytes)]) }], current);
    expect(r.problems.find((p) => p.file === 'urdu.csv')!.message).toContain(
      'Line 2 is the first with a character in another encoding: “ا” (as Arabic Windows-1256, Excel’s plain “CSV” on Windows set to Urdu or Arabic, writes it) in “af-1,افغانستان,خواجہ محمد…”.',
    );
  });

  it('names no encoding when none reads as words, and shows what cannot be read as “�”', async () => {
    const bytes = Buffer.from('id,summary\na,b\xff\xfe\xfd\n', 'latin1');
    const r = await ingestFiles([{ name: 'odd.csv', data: new Blob([new Uint8Array(bytes)]) }], current);
    const message = r.problems.find((p) => p.file === 'odd.csv')!.message;
    expect(message).toContain(
      'This file is not UTF-8 text. Line 2 is the first with a character in another encoding, which cannot be told from the file (shown here as “�”): “a,b���”.',
    );
    expect(message).not.toMatch(/Windows|Mac Roman/);
  });

  it.each([
    [
      'an Excel or LibreOffice workbook (a ZIP)',
      [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0xfe],
      '.xlsx or .ods',
    ],
    ['an old Excel workbook', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0xff], '.xls'],
  ])('names %s as a workbook and says how to save it as CSV', async (_, bytes, named) => {
    const r = await ingestFiles([{ name: 'meetings', data: new Blob([new Uint8Array(bytes)]) }], current);
    expect(r.errors).toBe(1);
    expect(r.problems[0]!.message).toContain(`This is a spreadsheet workbook (${named}), not a CSV file.`);
    expect(r.problems[0]!.message).toContain('CSV UTF-8');
  });

  it.each([
    [
      'a PNG image (a chart exported from here)',
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff],
      'PNG image',
    ],
    ['a JPEG photo', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff], 'JPEG image'],
    ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xe2, 0xe3], 'PDF document'],
  ])('names %s as what it is, not as text in another encoding', async (_, bytes, named) => {
    const r = await ingestFiles([{ name: 'chart.bin', data: new Blob([new Uint8Array(bytes)]) }], current);
    expect(r.errors).toBe(1);
    expect(r.problems[0]!.message).toBe(
      `This is a ${named}, not a data file. Upload the data’s CSV files (dialogues.csv, topics.csv, sources.csv) or its venues.geojson.`,
    );
  });

  it('says random bytes are not text, not a spreadsheet to save as CSV UTF-8; text in another encoding is still told how to save it', async () => {
    // Random bytes (the same each run): control and zero bytes throughout, no UTF-8.
    let seed = 29;
    const random = new Uint8Array(200_000).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    const r = await ingestFiles([{ name: 'garbage.csv', data: new Blob([random]) }], current);
    expect(r.errors).toBe(1);
    expect(r.problems).toEqual([
      {
        file: 'garbage.csv',
        message:
          'This file is not text: its bytes are not a CSV or GeoJSON in any encoding (many are control characters, zero bytes among them, which no spreadsheet or editor writes in text). Was another file picked by mistake, or is this copy damaged? Upload the data’s CSV files (dialogues.csv, topics.csv, sources.csv) or its venues.geojson.',
        severity: 'error',
      },
    ]);
    // A Windows-1252 file with a few stray zero bytes and form feeds is text still: told its encoding.
    const rows = 'a,Caf\xe9 Gen\xe8ve, a summary of the length summaries have\n'.repeat(19) + 'b,c\x00\x0c\n';
    const stray = Buffer.from(`id,summary\n${rows.repeat(5)}`, 'latin1');
    const t = await ingestFiles([{ name: 'latin.csv', data: new Blob([new Uint8Array(stray)]) }], current);
    expect(t.problems[0]!.message).toContain('Save it from the spreadsheet as “CSV UTF-8”');
  });

  it("reads Excel's “Unicode Text” (UTF-16 with its BOM, tab-separated, CRLF) as the same data", async () => {
    const tabbed = Papa.unparse(Papa.parse<string[]>(current.dialogues.trimEnd()).data, {
      delimiter: '\t',
      newline: '\r\n',
    });
    const utf16 = new Uint8Array(2 + tabbed.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < tabbed.length; i++) {
      utf16[2 + 2 * i] = tabbed.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = tabbed.charCodeAt(i) >> 8;
    }
    const r = await ingestFiles([{ name: 'meetings.txt', data: new Blob([utf16]) }], current);
    expect(r.errors).toBe(0);
    expect(r.files[0]).toMatchObject({ kind: 'dialogues', delimiter: '\t' });
    expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([0, 0, 0]);
  });

  it('a no-break space at a cell’s edge (pasted from the web or Excel) is trimmed like a space', () => {
    const nbsp = lines.map((l) =>
      l.startsWith('us-2023-03-ct') ? l.replace(',United States,', ',United States\u00a0,') : l,
    );
    const r = ingest(file([header!, ...nbsp].join('\n')), current, 'replace');
    expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([0, 0, 0]);
  });
});
