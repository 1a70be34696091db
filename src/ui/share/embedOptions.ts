// The embed's URL parameters, read by embed.html and written by the Embed dialog; one list
// so the two can never disagree. Documented in docs/embedding.md.

export const EMBED_CONTROLS = [
  { id: 'play', label: 'Play / pause' },
  { id: 'step', label: 'Single step' },
  { id: 'speed', label: 'Speed' },
  { id: 'reset', label: 'Reset' },
  { id: 'nav', label: 'Story step buttons' },
  { id: 'metrics', label: 'Live figures' },
  { id: 'record', label: 'Record a video' },
] as const;

export type EmbedControl = (typeof EMBED_CONTROLS)[number]['id'];

/** Shown unless `controls=` says otherwise; a course author adds `record` when they want it. */
export const DEFAULT_CONTROLS: readonly EmbedControl[] = [
  'play',
  'step',
  'speed',
  'reset',
  'nav',
  'metrics',
];

/** `challenge=from-page`: wait for the embedding page to send a challenge (loadChallenge). */
export const CHALLENGE_FROM_PAGE = 'from-page';

export interface EmbedParams {
  story: { scenarioId: string; step: number } | null;
  /** A challenge id, or CHALLENGE_FROM_PAGE. A challenge is always editable. */
  challenge: string | null;
  /** The fragment holding a document (`#/doc/v1.…`), if any. */
  docFragment: string | null;
  readOnly: boolean;
  autoplay: boolean;
  theme: 'light' | 'dark';
  controls: ReadonlySet<EmbedControl>;
  /** Origins allowed to send commands; empty means "the parent page's origin". */
  origins: string[];
  /** Problems with the parameters, shown in the embed rather than silently ignored. */
  problems: string[];
}

/** Controls that only mean something in a story (a plain diagram has no steps). */
export const STORY_ONLY_CONTROLS: ReadonlySet<EmbedControl> = new Set(['nav']);

/** A story's short name: "System 3" from "System 3 · A load balancer and many servers". */
export function storyName(title: string): string {
  const cut = title.indexOf(' · ');
  return (cut > 0 ? title.slice(0, cut) : title).trim();
}

/**
 * The iframe's `title` (what a screen reader announces for the frame), short enough to read:
 * "Backend Playground: System 3, step 2 — One slow server", or the diagram's title.
 */
export function frameTitle(
  what:
    | { kind: 'story'; storyTitle: string; step: number; stepTitle: string }
    | { kind: 'doc'; title: string },
): string {
  if (what.kind === 'doc') return `Backend Playground: ${what.title.trim() || 'a diagram'}`;
  const step = `${storyName(what.storyTitle)}, step ${what.step}`;
  return `Backend Playground: ${what.stepTitle.trim() ? `${step} — ${what.stepTitle.trim()}` : step}`;
}

const isControl = (s: string): s is EmbedControl => EMBED_CONTROLS.some((c) => c.id === s);

/** A web origin (`https://host[:port]`), or null for anything else. */
export function normalizeOrigin(raw: string): string | null {
  try {
    const u = new URL(raw.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

/** Reads embed.html's address. Never throws; odd values become `problems` and defaults. */
export function parseEmbedParams(search: string, hash: string): EmbedParams {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  let story: EmbedParams['story'] = null;
  const storyId = q.get('story');
  const stepText = q.get('step');
  let step = 0;
  if (stepText !== null) {
    const n = Number(stepText);
    if (Number.isInteger(n) && n >= 1) step = n - 1;
    else problems.push(`step=${stepText} is not a step number (1, 2, 3…); showing step 1`);
  }
  if (storyId) story = { scenarioId: storyId, step };
  const challengeId = q.get('challenge');
  let challenge: string | null = null;
  if (challengeId !== null) {
    if (/^[a-z0-9][a-z0-9-]*$/.test(challengeId)) challenge = challengeId;
    else
      problems.push(
        `challenge=${challengeId} is not a challenge id (lowercase letters, digits, dashes)`,
      );
  }
  // The app's own challenge link works here too: embed.html#/challenge/one-server.
  const cm = /^#\/challenge\/([a-z0-9][a-z0-9-]*)/.exec(hash);
  if (!challenge && !story && cm) challenge = cm[1]!;
  // The app's own deep link works here too: embed.html#/story/system-3/2.
  const m = /^#\/story\/([\w-]+)(?:\/(\d+))?$/.exec(hash);
  if (!story && m) story = { scenarioId: m[1]!, step: Math.max(0, Number(m[2] ?? 1) - 1) };
  const docFragment = hash.startsWith('#/doc/') ? hash : null;

  const flag = (name: string, fallback: boolean): boolean => {
    const v = q.get(name);
    if (v === null) return fallback;
    if (['1', 'true', 'yes', ''].includes(v)) return true;
    if (['0', 'false', 'no'].includes(v)) return false;
    problems.push(`${name}=${v} should be 1 or 0; using ${fallback ? 1 : 0}`);
    return fallback;
  };

  const themeText = q.get('theme');
  const theme = themeText === 'dark' ? 'dark' : 'light';
  if (themeText !== null && themeText !== 'dark' && themeText !== 'light') {
    problems.push(`theme=${themeText} should be light or dark; using light`);
  }

  let controls = new Set<EmbedControl>(DEFAULT_CONTROLS);
  const controlsText = q.get('controls');
  if (controlsText !== null) {
    controls = new Set();
    for (const part of controlsText
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (part === 'none') continue;
      if (isControl(part)) controls.add(part);
      else
        problems.push(
          `controls: unknown control “${part}” left out (known: ${EMBED_CONTROLS.map((c) => c.id).join(', ')})`,
        );
    }
  }

  const origins: string[] = [];
  for (const raw of q.getAll('origin').flatMap((s) => s.split(','))) {
    if (!raw.trim()) continue;
    const origin = normalizeOrigin(raw);
    if (origin) origins.push(origin);
    else
      problems.push(`origin=${raw} is not a web origin like https://courses.example.org; left out`);
  }

  return {
    story,
    challenge,
    docFragment,
    readOnly: flag('readonly', true),
    autoplay: flag('autoplay', false),
    theme,
    controls,
    origins,
    problems,
  };
}
