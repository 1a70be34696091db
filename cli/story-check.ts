// `npm run story:check [FILE...]`: validates every scenario in scenarios/ (or the files
// given), runs every step headless in the engine and checks each claim the story makes.
// Exit 0 when all hold, 1 when a claim fails, 2 when a file is invalid.

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { simulate } from '../src/sim/index.ts';
import { checkRows, checkScenario, formatTable } from '../src/story/check.ts';
import { loadScenario, type Scenario, sortScenarios } from '../src/story/player.ts';
import { formatIssue } from '../src/story/schema.ts';

const args = process.argv.slice(2);
const dir = resolve('scenarios');
const files = args.length
  ? args.map((a) => resolve(a))
  : readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(dir, f));

const scenarios: Scenario[] = [];
let invalid = 0;
for (const file of files) {
  const name = basename(file, '.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${name} › $: not readable JSON (${(error as Error).message})`);
    invalid++;
    continue;
  }
  const loaded = loadScenario(json, name);
  if (!loaded.ok) {
    for (const issue of loaded.issues) console.error(formatIssue(issue));
    invalid++;
    continue;
  }
  if (loaded.scenario.id !== name) {
    console.error(`${name} › id: is "${loaded.scenario.id}"; it must match the file name`);
    invalid++;
    continue;
  }
  scenarios.push(loaded.scenario);
}
if (invalid) {
  console.error(`\n${invalid} scenario file(s) invalid; nothing was run.`);
  process.exit(2);
}

let failures = 0;
let claims = 0;
const rows: string[][] = [];
for (const scenario of sortScenarios(scenarios)) {
  const check = checkScenario(scenario, simulate);
  failures += check.failures;
  claims += check.steps.reduce((n, s) => n + s.results.length, 0);
  rows.push(...checkRows(check));
}
console.log(formatTable(rows, ['step', 'title', 'result', 'claim']));
console.log(
  `\n${scenarios.length} scenarios, ${claims} claims: ${claims - failures} hold, ${failures} fail.`,
);
process.exit(failures ? 1 : 0);
