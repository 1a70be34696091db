import type { TopologyDocument } from './types.ts';

/** Documents are plain JSON, so a JSON round trip is a faithful deep copy. */
export function cloneDocument(doc: TopologyDocument): TopologyDocument {
  return JSON.parse(JSON.stringify(doc)) as TopologyDocument;
}
