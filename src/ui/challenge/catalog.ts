// The challenges shipped with the app: every scenarios/challenges/*.json, bundled at build
// time, so a new challenge is one data file. Files that do not validate are listed with
// their messages in the picker instead of vanishing.
//
// Not on the first page: this module (and the challenges in it) is imported when a
// challenge is first needed (the picker, a #/challenge/… link, the embed's ?challenge=), and
// `ensureChallengeCatalog` puts the catalogue into the challenge store once.

import { type Challenge, loadChallenge, sortChallenges } from '../../story/challenge/load.ts';
import type { ChallengeIssue } from '../../story/challenge/schema.ts';
import { useChallengeStore } from '../../state/challengeStore.ts';

const FILES = import.meta.glob<unknown>('../../../scenarios/challenges/*.json', {
  eager: true,
  import: 'default',
});

export interface ChallengeCatalog {
  challenges: Challenge[];
  issues: { file: string; issues: ChallengeIssue[] }[];
}

export function loadChallengeCatalog(files: Record<string, unknown> = FILES): ChallengeCatalog {
  const challenges: Challenge[] = [];
  const issues: ChallengeCatalog['issues'] = [];
  for (const [path, json] of Object.entries(files)) {
    const name = path.replace(/^.*\//, '').replace(/\.json$/, '');
    const loaded = loadChallenge(json, name);
    if (loaded.ok && loaded.challenge.id === name) challenges.push(loaded.challenge);
    else if (loaded.ok) {
      issues.push({
        file: `${name}.json`,
        issues: [
          {
            challenge: name,
            path: 'id',
            message: `is "${loaded.challenge.id}"; it must match the file name`,
          },
        ],
      });
    } else issues.push({ file: `${name}.json`, issues: loaded.issues });
  }
  return { challenges: sortChallenges(challenges), issues };
}

let installed = false;

/** Puts the shipped catalogue into the challenge store, once; returns it. */
export function ensureChallengeCatalog(): ChallengeCatalog {
  const store = useChallengeStore.getState();
  if (!installed) {
    installed = true;
    const catalog = loadChallengeCatalog();
    store.setCatalog(catalog.challenges, catalog.issues);
  }
  const now = useChallengeStore.getState();
  return { challenges: now.catalog, issues: now.catalogIssues };
}
