// `npm run grade -- CHALLENGE.json DESIGN.json [--max-events N]`
// Grades a design (a topology document, as File → Save writes it) against a challenge and
// prints the grade as one JSON object on stdout: the same grade the app shows for the same
// design. CHALLENGE may also be the id of a challenge in scenarios/challenges/.
// Exit 0: every goal passes. 1: a goal is missed. 2: bad input (the reason on stderr).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues, restoreDocument } from '../src/model/index.ts';
import { DEFAULT_MAX_EVENTS, gradeDesign } from '../src/story/challenge/grade.ts';
import { loadChallenge } from '../src/story/challenge/load.ts';
import { formatChallengeIssue } from '../src/story/challenge/schema.ts';

const USAGE = `usage: npm run grade -- CHALLENGE.json DESIGN.json [--max-events N]
  CHALLENGE.json   a challenge file, or the id of one in scenarios/challenges/
  DESIGN.json      the design: a diagram saved with File → Save
  --max-events N   engine events the grade may use (default ${DEFAULT_MAX_EVENTS.toLocaleString('en-US')})`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    fail(`cannot read the ${what} ${path}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    fail(`the ${what} ${path} is not JSON: ${(err as Error).message}`);
  }
}

const positional: string[] = [];
let maxEvents = DEFAULT_MAX_EVENTS;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i]!;
  if (arg === '--help' || arg === '-h') {
    console.log(USAGE);
    process.exit(0);
  }
  if (arg.startsWith('--')) {
    const [name, inline] = arg.split('=', 2) as [string, string | undefined];
    if (name !== '--max-events') fail(`unknown flag ${name}`);
    const value = Number(inline ?? argv[++i]);
    if (!Number.isInteger(value) || value < 1) fail('--max-events needs a whole number from 1');
    maxEvents = value;
    continue;
  }
  positional.push(arg);
}
if (positional.length !== 2) fail('give a challenge and a design');
const [challengeArg, designArg] = positional as [string, string];

const bundled = join(import.meta.dirname, '..', 'scenarios', 'challenges', `${challengeArg}.json`);
const challengePath = !existsSync(challengeArg) && existsSync(bundled) ? bundled : challengeArg;
const name = challengePath.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
const loaded = loadChallenge(readJson(challengePath, 'challenge'), name);
if (!loaded.ok) {
  for (const issue of loaded.issues) console.error(formatChallengeIssue(issue));
  console.error(`\nThe challenge ${challengePath} is invalid; nothing was graded.`);
  process.exit(2);
}

const restored = restoreDocument(readJson(designArg, 'design'));
if (!restored.ok) {
  console.error(
    `The design ${designArg} is not a diagram:\n${describeIssues(restored.errors, 20)}`,
  );
  process.exit(2);
}
if (restored.warnings.length) {
  console.error(`The design needed repairs:\n${describeIssues(restored.warnings, 20)}`);
}

const grade = gradeDesign(loaded.challenge, restored.doc, { maxEvents });
console.log(JSON.stringify(grade, null, 2));
process.exit(grade.passed ? 0 : 1);
