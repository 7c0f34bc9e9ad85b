// Checks that every `evidence` quote in data/dialogues.csv stands verbatim in one of the
// source articles. Usage: node scripts/check-evidence.js <folder of article .txt files>
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node scripts/check-evidence.js <folder of article .txt files>');
  process.exit(2);
}
/**
 * Curly quotes and runs of white space do not count as differences.
 * @param {string} s
 */
const fold = (s) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').toLowerCase();
const articles = readdirSync(folder)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => fold(readFileSync(join(folder, f), 'utf8')));
/** @type {{ data: Record<string, string>[] }} */
const { data } = Papa.parse(readFileSync('data/dialogues.csv', 'utf8'), { header: true, skipEmptyLines: true });
const missing = data.filter((row) => !articles.some((a) => a.includes(fold(row.evidence ?? ''))));
for (const row of missing) console.error(`not found in any article: ${row.id}: "${row.evidence}"`);
console.log(
  `${data.length - missing.length} of ${data.length} evidence quotes found verbatim in ${articles.length} articles`,
);
process.exit(missing.length ? 1 : 0);
