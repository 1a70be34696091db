// `npm run story:check [FILE...]`: validates every scenario in scenarios/ and every challenge
// in scenarios/challenges/ (or the files given), runs every story step headless in the
// engine and checks each claim it makes, and proves each challenge fair: its starting
// diagram misses a goal and every solution passes every goal.
// Exit 0 when all hold, 1 when a claim or a challenge fails, 2 when a file is invalid.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { simulate } from '../src/sim/index.ts';
import { challengeRows, checkChallenge } from '../src/story/challenge/check.ts';
import {
  type Challenge,
  loadChallenge,
  looksLikeChallenge,
  sortChallenges,
} from '../src/story/challenge/load.ts';
import { formatChallengeIssue } from '../src/story/challenge/schema.ts';
import { checkRows, checkScenario, formatTable } from '../src/story/check.ts';
import { loadScenario, type Scenario, sortScenarios } from '../src/story/player.ts';
import { formatIssue } from '../src/story/schema.ts';

const args = process.argv.slice(2);
const jsonIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(dir, f))
    : [];
const files = args.length
  ? args.map((a) => resolve(a))
  : [...jsonIn(resolve('scenarios')), ...jsonIn(resolve('scenarios/challenges'))];

const scenarios: Scenario[] = [];
const challenges: Challenge[] = [];
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
  if (looksLikeChallenge(json)) {
    const loaded = loadChallenge(json, name);
    if (!loaded.ok) {
      for (const issue of loaded.issues) console.error(formatChallengeIssue(issue));
      invalid++;
      continue;
    }
    if (loaded.challenge.id !== name) {
      console.error(`${name} › id: is "${loaded.challenge.id}"; it must match the file name`);
      invalid++;
      continue;
    }
    challenges.push(loaded.challenge);
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
  console.error(`\n${invalid} file(s) invalid; nothing was run.`);
  process.exit(2);
}

let failures = 0;
if (scenarios.length) {
  let claims = 0;
  let failed = 0;
  const rows: string[][] = [];
  for (const scenario of sortScenarios(scenarios)) {
    const check = checkScenario(scenario, simulate);
    failed += check.failures;
    claims += check.steps.reduce((n, s) => n + s.results.length, 0);
    rows.push(...checkRows(check));
  }
  console.log(formatTable(rows, ['step', 'title', 'result', 'claim']));
  console.log(
    `\n${scenarios.length} scenarios, ${claims} claims: ${claims - failed} hold, ${failed} fail.`,
  );
  failures += failed;
}
if (challenges.length) {
  const rows: string[][] = [];
  let unfair = 0;
  for (const challenge of sortChallenges(challenges)) {
    const check = checkChallenge(challenge);
    rows.push(...challengeRows(check));
    if (check.problems.length) {
      unfair++;
      for (const p of check.problems) rows.push([challenge.id, '', 'FAIL', p]);
    }
  }
  if (scenarios.length) console.log('');
  console.log(formatTable(rows, ['challenge', 'design', 'result', 'grade']));
  console.log(
    `\n${challenges.length} challenges: ${challenges.length - unfair} fair (the start fails, every solution passes), ${unfair} not.`,
  );
  failures += unfair;
}
process.exit(failures ? 1 : 0);
