import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

/** The validator as `npm run validate` runs it: built by Vite, run by Node. */
beforeAll(async () => {
  await build({ configFile: 'scripts/validate.config.ts', logLevel: 'silent' });
}, 60_000);

const validate = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['dist-cli/validate.js', ...args], { encoding: 'utf8' });
  return { status: r.status, lines: r.stdout.trimEnd().split('\n'), stdout: r.stdout, stderr: r.stderr };
};
const fixture = (name: string) => `test/fixtures/${name}`;

describe('npm run validate', () => {
  it('passes the shipped data folder: no problems, a summary, exit 0', () => {
    const r = validate('data');
    expect(r.status).toBe(0);
    expect(r.lines).toHaveLength(2);
    expect(r.lines[0]).toMatch(/^✔ 0 errors, 0 warnings in dialogues\.csv \(9 rows\), /);
    expect(r.lines[1]).toContain('copy the files to the site’s data/ folder');
  });

  it('passes the data package as the app downloads it: its CSV files start with a UTF-8 BOM (for Excel)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-bom-'));
    for (const name of ['dialogues.csv', 'topics.csv', 'sources.csv'])
      writeFileSync(join(dir, name), `\uFEFF${readFileSync(`data/${name}`, 'utf8')}`);
    writeFileSync(join(dir, 'venues.geojson'), readFileSync('data/venues.geojson'));
    const r = validate(dir);
    expect(r.status).toBe(0);
    expect(r.lines[0]).toMatch(/^✔ 0 errors, 0 warnings in dialogues\.csv \(9 rows\), /);
  });

  it('prints each problem as file:line:column: severity: message and exits 1 on errors', () => {
    const r = validate(fixture('dialogues-impossible-date.csv'));
    expect(r.status).toBe(1);
    const problem = r.lines.find((l) => l.includes('error:'))!;
    expect(problem).toMatch(
      /^test\/fixtures\/dialogues-impossible-date\.csv:\d+:2: error: date “[^”]+”: .*not a real date/,
    );
    expect(r.lines.at(-1)).toMatch(/^✖ 1 error/);
  });

  it('warns, without failing, about a column the app does not read and a venue outside its country', () => {
    const r = validate(fixture('dialogues-extra-column.csv'), fixture('venues-outside-country.geojson'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'test/fixtures/dialogues-extra-column.csv:1:15: warning: notes: The column “notes” is not one the app reads',
    );
    expect(r.stdout).toMatch(
      /venues-outside-country\.geojson:10:1: warning: coordinates “\[33\.6844, 73\.0479\]”: Venue “islamabad” is placed outside Pakistan: the numbers look swapped/,
    );
    expect(r.stdout).toMatch(/venues-outside-country\.geojson:15:1: warning: .*“kabul” is placed outside Afghanistan/);
    expect(r.stdout).not.toContain('“brussels” is placed');
  });

  it('checks references against the files beside the one given (an unknown venue is a warning)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-'));
    writeFileSync(
      join(dir, 'dialogues.csv'),
      'id,date,status,partner,track,venue_id,topics,source_id\nx1,2025-01,held,EU,Talks,atlantis,,s1\n',
    );
    const r = validate(dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/dialogues\.csv:2:6: warning: venue_id “atlantis”/);
  });

  it('with --json, prints the result for machines', () => {
    const r = validate('--json', fixture('dialogues-duplicate-id.csv'));
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as {
      ok: boolean;
      errors: number;
      problems: { line: number; columnName: string }[];
    };
    expect(out.ok).toBe(false);
    expect(out.errors).toBeGreaterThan(0);
    expect(out.problems[0]).toMatchObject({ columnName: 'id', severity: 'error' });
  });

  it('says how to use it when given nothing, and exits 2 for a path that does not exist', () => {
    expect(validate().status).toBe(2);
    expect(validate().stderr).toContain('Usage: npm run validate');
    expect(validate('no/such/folder').status).toBe(2);
  });

  it('refuses an unknown option by name (a mistyped --json is not a missing file)', () => {
    const r = validate('data', '--jsn');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown option --jsn');
  });

  it('warns that a dialogues.csv with a header and no meetings would remove every meeting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-'));
    const header =
      'id,date,status,partner,track,round,level,venue_id,topics,lead_pakistan,lead_partner,source_id,evidence,summary';
    writeFileSync(join(dir, 'dialogues.csv'), `${header}\n`);
    const r = validate(join(dir, 'dialogues.csv'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /dialogues\.csv:2:1: warning: The file has a header and no meetings: published, it would remove every meeting/,
    );
    expect(r.stdout).not.toContain('Ready to publish');
  });

  it('a dialogues.csv with rows under misnamed columns is told the columns it lacks, not that it has no meetings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-'));
    const bundled = readFileSync('data/dialogues.csv', 'utf8').split('\n');
    bundled[0] = bundled[0]!.replace('venue_id', 'venue');
    writeFileSync(join(dir, 'dialogues.csv'), bundled.join('\n'));
    const r = validate(join(dir, 'dialogues.csv'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/dialogues\.csv:1:1: error: venue_id: Missing required column: venue_id/);
    expect(r.stdout).not.toContain('no meetings');
  });

  it('checks the meetings beside a venues.geojson given alone against it: a venue they name that it lacks is a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-'));
    writeFileSync(
      join(dir, 'dialogues.csv'),
      'id,date,status,partner,track,venue_id,topics,source_id\nx1,2025-01,held,EU,Talks,brussels,,s1\n',
    );
    const islamabad = { id: 'islamabad', name: 'Islamabad', country: 'Pakistan' };
    writeFileSync(
      join(dir, 'venues.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [73.05, 33.68] }, properties: islamabad },
        ],
      }),
    );
    const r = validate(join(dir, 'venues.geojson'));
    expect(r.stdout).toMatch(/dialogues\.csv:2:6: warning: venue_id “brussels”: Unknown venue “brussels”/);
    expect(r.stdout).not.toContain('Ready to publish');
  });

  it('says a file is not text as the app does: the line where another encoding starts, or that it is a picture', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-'));
    const header = 'id,date,status,partner,track,venue_id,topics,source_id\n';
    writeFileSync(
      join(dir, 'dialogues.csv'),
      Buffer.concat([
        Buffer.from(`${header}x1,2025-01,held,EU,Talks,,,s1\nx2,2025-02,held,C`),
        Buffer.from([0xf4]),
        Buffer.from('te,Talks,,,s1\n'),
      ]),
    );
    expect(validate(join(dir, 'dialogues.csv')).stdout).toMatch(
      /dialogues\.csv:3:1: error: This file is not UTF-8 text\. Line 3/,
    );
    writeFileSync(join(dir, 'chart.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]));
    expect(validate(join(dir, 'chart.png')).stdout).toContain(
      'chart.png:1:1: error: This is a PNG image, not a data file.',
    );
  });

  it('says under which name the site reads a file, and that venues in a table need the app to become GeoJSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-'));
    writeFileSync(join(dir, 'meetings-2026.csv'), readFileSync('data/dialogues.csv', 'utf8'));
    const renamed = validate(join(dir, 'meetings-2026.csv'));
    expect(renamed.status).toBe(0);
    expect(renamed.stdout).toContain('Copy meetings-2026.csv as data/dialogues.csv: the site reads that name only.');
    expect(renamed.lines.at(-1)).toBe(
      'Ready to publish: copy the files as said above; viewers see them on their next load.',
    );
    writeFileSync(
      join(dir, 'venues.csv'),
      'id,name,country,latitude,longitude\nbrussels,Brussels,Belgium,50.85,4.35\nislamabad,Islamabad,Pakistan,33.68,73.05\nkabul,Kabul,Afghanistan,34.53,69.17\n',
    );
    const table = validate(join(dir, 'venues.csv'));
    expect(table.stdout).toContain(
      'venues.csv holds the venues as a table: the site reads them only from venues.geojson.',
    );
    expect(table.stdout).not.toContain('Ready to publish');
  });
});
