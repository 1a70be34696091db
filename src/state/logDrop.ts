// What the canvas and the inspector need to take an access log: which files are one, and a
// replay that loads the log reader (logReplay.ts, with the parser) on the first drop.

/** Is this file name one of ours to replay (an access log or a CSV)? */
export function isLogFileName(name: string): boolean {
  return /\.(log|csv|txt)(\.\d+)?$/i.test(name) || /access[._-]?log/i.test(name);
}

/** Reads the file and applies it to the client (one undo step), saying what happened. */
export async function replayLogFile(file: File, clientId: string): Promise<boolean> {
  const { replayLogFile: replay } = await import('./logReplay.ts');
  return replay(file, clientId);
}
