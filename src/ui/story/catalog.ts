// The scenarios shipped with the app: every scenarios/*.json, bundled at build time, so an
// instructor adds a story by dropping a file there, without touching code. Files that do
// not validate are listed with their messages in the picker instead of vanishing.
//
// Not on the first page: this module (and the scenarios in it) is imported when a story is
// first needed (the picker, the story panel, a #/story/… link, the embed's ?story=), and
// `ensureStoryCatalog` puts the catalogue into the story store once.

import { loadScenario, type Scenario, sortScenarios } from '../../story/player.ts';
import type { StoryIssue } from '../../story/schema.ts';
import { useStoryStore } from '../../state/storyStore.ts';

const FILES = import.meta.glob<unknown>('../../../scenarios/*.json', {
  eager: true,
  import: 'default',
});

export interface Catalog {
  scenarios: Scenario[];
  issues: { file: string; issues: StoryIssue[] }[];
}

export function loadCatalog(files: Record<string, unknown> = FILES): Catalog {
  const scenarios: Scenario[] = [];
  const issues: Catalog['issues'] = [];
  for (const [path, json] of Object.entries(files)) {
    const name = path.replace(/^.*\//, '').replace(/\.json$/, '');
    const loaded = loadScenario(json, name);
    if (loaded.ok) scenarios.push(loaded.scenario);
    else issues.push({ file: `${name}.json`, issues: loaded.issues });
  }
  return { scenarios: sortScenarios(scenarios), issues };
}

let installed = false;

/**
 * Puts the shipped catalogue into the story store, once. A story opened from a file before
 * then is already in the store's catalogue; it stays, and replaces a shipped story of its id.
 */
export function ensureStoryCatalog(): void {
  if (installed) return;
  installed = true;
  const catalog = loadCatalog();
  const store = useStoryStore.getState();
  const fromFiles = new Set(store.catalog.map((s) => s.id));
  store.setCatalog(
    [...catalog.scenarios.filter((s) => !fromFiles.has(s.id)), ...store.catalog],
    [...catalog.issues, ...store.catalogIssues],
  );
}
