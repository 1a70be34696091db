// Links to a challenge: `#/challenge/one-server` opens it (with the learner's own saved
// design, if any); `#/challenge/one-server/v1.<data>` opens it with the design carried in the
// link (the same payload as a share link's `#/doc/v1.<data>`), so a learner can send their
// attempt to a teacher.

import {
  type DecodeResult,
  decodeDocumentFragment,
  encodeDocumentFragment,
} from '../../io/share.ts';
import type { TopologyDocument } from '../../model/types.ts';

const CHALLENGE_HASH = /^#\/challenge\/([a-z0-9][a-z0-9-]*)(?:\/(.+))?\/?$/;

export interface ChallengeLink {
  id: string;
  /** The design payload (`v1.…`), when the link carries one. */
  design: string | null;
}

export function parseChallengeHash(hash: string): ChallengeLink | null {
  const m = CHALLENGE_HASH.exec(hash);
  return m ? { id: m[1]!, design: m[2] ?? null } : null;
}

export function isChallengeHash(hash: string): boolean {
  return hash.startsWith('#/challenge/');
}

export function formatChallengeHash(id: string): string {
  return `#/challenge/${id}`;
}

export type ChallengeLinkResult = { ok: true; fragment: string } | { ok: false; message: string };

/** `#/challenge/ID/v1.…`: the challenge with this design in the link. */
export function challengeDesignHash(id: string, design: TopologyDocument): ChallengeLinkResult {
  const encoded = encodeDocumentFragment(design);
  if (!encoded.ok) return encoded;
  return {
    ok: true,
    fragment: `${formatChallengeHash(id)}/${encoded.fragment.replace(/^#\/doc\//, '')}`,
  };
}

export function decodeChallengeDesign(payload: string): DecodeResult {
  return decodeDocumentFragment(payload);
}
