// The scenarios shipped with the app: every scenarios/*.json, bundled at build time, so an
// instructor adds a story by dropping a file there, without touching code. Files that do
// not validate are listed with their messages in the picker instead of vanishing.

import { loadScenario, type Scenario, sortScenarios } from '../../story/player.ts';
import type { StoryIssue } from '../../story/schema.ts';

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
