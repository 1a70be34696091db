// The embed's side of postMessage: listens for commands from the allowed origin(s) only,
// reports anything else to the console, and posts events to the parent with an exact
// targetOrigin (never '*').

import {
  allowedOrigins,
  type Command,
  type Event,
  MESSAGE_SOURCE,
  parseCommand,
  postTargets,
  shortValue,
} from './protocol.ts';

export interface Bridge {
  /** Whether anyone can hear us (inside an iframe, with a known parent origin). */
  readonly connected: boolean;
  readonly allowed: readonly string[];
  post: (event: Event) => void;
  dispose: () => void;
}

const LOG = '[Backend Playground embed]';

function parentOrigin(): string | null {
  const ancestors = window.location.ancestorOrigins;
  if (ancestors?.length && ancestors[0] !== 'null') return ancestors[0]!;
  try {
    return new URL(document.referrer).origin;
  } catch {
    return null;
  }
}

export function startBridge(
  originParams: readonly string[],
  embedId: string | null,
  onCommand: (command: Command) => void,
): Bridge {
  const inFrame = window.parent !== window;
  const allowed = inFrame
    ? allowedOrigins(
        originParams,
        Array.from(window.location.ancestorOrigins ?? []),
        document.referrer,
      )
    : [];
  if (inFrame && allowed.length === 0) {
    console.warn(
      `${LOG} the page that embeds this is unknown (no referrer), so commands are ignored and no events are sent. Add origin=https://your.site to the embed URL.`,
    );
  }
  const targets = postTargets(allowed, parentOrigin());

  const onMessage = (e: MessageEvent) => {
    const check = parseCommand(e.data);
    if (!check.ok && check.foreign) return; // another widget's message, not for us
    if (!allowed.includes(e.origin)) {
      const type = (e.data as { type?: unknown }).type;
      console.warn(
        `${LOG} ignored ${shortValue(type)} from ${e.origin}: only ${allowed.length ? allowed.join(', ') : 'no origin'} may control this embed (see origin= in docs/embedding.md).`,
      );
      return;
    }
    if (!check.ok) {
      console.warn(`${LOG} ${check.reason}`);
      return;
    }
    onCommand(check.command);
  };
  window.addEventListener('message', onMessage);

  return {
    connected: inFrame && targets.length > 0,
    allowed,
    post: (event) => {
      if (!inFrame) return;
      const message = embedId
        ? { source: MESSAGE_SOURCE, embedId, ...event }
        : { source: MESSAGE_SOURCE, ...event };
      for (const target of targets) window.parent.postMessage(message, target);
    },
    dispose: () => window.removeEventListener('message', onMessage),
  };
}
