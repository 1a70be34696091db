// An access log dropped on a client (or chosen in its inspector): read it, and make the
// client replay it — its paths become the traffic mix, its users the users, its rate over
// time the replay profile — as one undo step. Unreadable lines are reported with their
// line numbers (the rest replays); a file with no readable line changes nothing.

import { parseAccessLog } from '../io/logs/parse.ts';
import { replayOf } from '../io/logs/replay.ts';
import type { TopologyDocument } from '../model/types.ts';
import { useDocumentStore } from './documentStore.ts';
import { notify } from './uiStore.ts';

/** Larger files are refused before reading: a replay keeps at most 50 paths anyway. */
export const MAX_LOG_BYTES = 50 * 1024 * 1024;

/** The document with the client replaying the log, and what to tell the person. */
export function withLog(
  doc: TopologyDocument,
  clientId: string,
  text: string,
  name: string,
): {
  doc: TopologyDocument | null;
  tone: 'success' | 'warning' | 'error';
  message: string;
  details: string[];
} {
  const client = doc.nodes.find((n) => n.id === clientId && n.kind === 'client');
  if (!client)
    return { doc: null, tone: 'error', message: 'Drop the log on a client box.', details: [] };
  const log = parseAccessLog(text);
  const details = log.problems.slice(0, 10).map((p) => `line ${p.line}: ${p.message}`);
  if (log.problems.length > 10) details.push(`… and ${log.problems.length - 10} more lines`);
  const replay = replayOf(log);
  if (replay === null) {
    return {
      doc: null,
      tone: 'error',
      message: `${name}: no line could be read as an nginx combined log or a CSV of time,method,path,user, so nothing changed.`,
      details,
    };
  }
  if (replay.otherPaths > 0) {
    details.push(
      `${replay.otherPaths} less-asked-for paths (${replay.otherRequests} requests) are left out; the ${replay.routes.length} kept share their traffic.`,
    );
  }
  for (const [method, n] of Object.entries(replay.mapped)) {
    details.push(
      `${n} ${method} request${n > 1 ? 's' : ''} replayed as ${method === 'PATCH' ? 'PUT' : 'GET'}.`,
    );
  }
  const next: TopologyDocument = {
    ...doc,
    nodes: doc.nodes.map((n) =>
      n.id === clientId
        ? {
            ...n,
            config: {
              ...n.config,
              pattern: 'replay',
              routes: replay.routes,
              users: Math.min(replay.users, 10_000_000),
              replayProfile: replay.profile,
            },
          }
        : n,
    ),
  };
  const skipped = log.problems.length;
  return {
    doc: next,
    tone: skipped ? 'warning' : 'success',
    message: `${client.label} now replays ${name}: ${replay.requests.toLocaleString('en')} requests over ${replay.spanS} s from ${replay.users.toLocaleString('en')} users${skipped ? `; ${skipped} line${skipped > 1 ? 's' : ''} could not be read` : ''}.`,
    details,
  };
}

/** Reads the file and applies it to the client (one undo step), saying what happened. */
export async function replayLogFile(file: File, clientId: string): Promise<boolean> {
  if (file.size > MAX_LOG_BYTES) {
    notify('error', `${file.name} is larger than 50 MB; replay a part of it.`);
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    notify('error', `${file.name} could not be read.`);
    return false;
  }
  const store = useDocumentStore.getState();
  const r = withLog(store.doc, clientId, text, file.name);
  if (r.doc !== null) {
    const next = r.doc;
    store.change(`Replay ${file.name}`, () => next);
  }
  notify(r.tone, r.message, r.details.length ? r.details : undefined);
  return r.doc !== null;
}
