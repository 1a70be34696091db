// Addresses for share links and embeds, built from where the app is served, so they work
// under any base path (a GitHub Pages sub-folder, a course site).

import { encodeDocumentFragment } from '../../io/share.ts';
import type { TopologyDocument } from '../../model/types.ts';
import { challengeDesignHash } from '../../story/challenge/links.ts';
import { formatStoryHash } from '../../story/position.ts';

/** What a link or an embed shows: a story step (0-based) or a whole document. */
export type ShareTarget =
  | { kind: 'story'; scenarioId: string; step: number }
  | { kind: 'doc'; doc: TopologyDocument }
  /** A bundled challenge; the link carries the learner's design, the embed starts afresh. */
  | { kind: 'challenge'; challengeId: string; doc: TopologyDocument };

export type LinkResult = { ok: true; url: string } | { ok: false; message: string };

function fragmentFor(target: ShareTarget): LinkResult {
  if (target.kind === 'story') {
    return { ok: true, url: formatStoryHash({ scenarioId: target.scenarioId, step: target.step }) };
  }
  if (target.kind === 'challenge') {
    const c = challengeDesignHash(target.challengeId, target.doc);
    return c.ok ? { ok: true, url: c.fragment } : { ok: false, message: c.message };
  }
  const r = encodeDocumentFragment(target.doc);
  return r.ok ? { ok: true, url: r.fragment } : { ok: false, message: r.message };
}

/** The app's own address without any fragment (the page the link should open). */
export function appAddress(href = window.location.href): string {
  return href.replace(/#.*$/, '');
}

/** A link to the main app that opens `target`. */
export function shareLink(target: ShareTarget, href = window.location.href): LinkResult {
  const fragment = fragmentFor(target);
  return fragment.ok ? { ok: true, url: appAddress(href) + fragment.url } : fragment;
}

export interface EmbedOptions {
  readOnly: boolean;
  autoplay: boolean;
  theme: 'light' | 'dark';
  /** Which controls show; see EMBED_CONTROLS in src/app/embed/params.ts. */
  controls: readonly string[];
  /** Origin of the page that embeds it, allowed to send commands ('' = the parent page). */
  origin: string;
}

/** embed.html beside the app (same folder), with the options as query parameters. */
export function embedLink(
  target: ShareTarget,
  options: EmbedOptions,
  href = window.location.href,
): LinkResult {
  const url = new URL('embed.html', appAddress(href));
  if (target.kind === 'story') {
    url.searchParams.set('story', target.scenarioId);
    url.searchParams.set('step', String(target.step + 1));
  }
  if (target.kind === 'challenge') url.searchParams.set('challenge', target.challengeId);
  // A challenge is always editable: readonly means nothing there.
  if (!options.readOnly && target.kind !== 'challenge') url.searchParams.set('readonly', '0');
  if (options.autoplay) url.searchParams.set('autoplay', '1');
  if (options.theme === 'dark') url.searchParams.set('theme', 'dark');
  url.searchParams.set('controls', options.controls.length ? options.controls.join(',') : 'none');
  if (options.origin) url.searchParams.set('origin', options.origin);
  // URLSearchParams escapes the commas; they are safe in a query and easier to read plain.
  let address = url.href.replace(/%2C/g, ',');
  if (target.kind === 'doc') {
    const fragment = fragmentFor(target);
    if (!fragment.ok) return fragment;
    address += fragment.url;
  }
  return { ok: true, url: address };
}

/** The iframe snippet a course author pastes; labels go in as escaped attribute text. */
export function iframeSnippet(url: string, title: string, height = 480): string {
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<iframe src="${esc(url)}" title="${esc(title)}" width="100%" height="${height}" style="border:1px solid #e2e8f0;border-radius:8px" loading="lazy"></iframe>`;
}

/** Copies text; false when the browser refuses (no permission, not a secure page). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
