// Applies a step's `change` to the previous step's document: remove, then patch, then add.
// Authored content is held to a stricter bar than a loaded file: anything `restore` would
// have to repair (an unknown setting, a value out of range) is an error here, because in a
// scenario it is a typo that would make the story claim something about a different system.

import { fieldSpec, KINDS } from '../model/kinds.ts';
import { linkField } from '../model/linkSettings.ts';
import { cloneDocument } from '../model/clone.ts';
import type { DocIssue } from '../model/paths.ts';
import { restoreDocument } from '../model/restore.ts';
import { checkField, validateDocument } from '../model/schema.ts';
import type { ConfigValue, TopologyDocument, TopologyNode } from '../model/types.ts';
import type { Change } from './schema.ts';

export type DiffResult =
  | { ok: true; doc: TopologyDocument; added: string[]; patched: string[] }
  | { ok: false; issues: DocIssue[] };

/** A full document from a scenario: restore's repairs count as errors, except upgrades. */
export function strictDocument(input: unknown, at: string): DiffResult {
  const restored = restoreDocument(input);
  if (!restored.ok) {
    return { ok: false, issues: restored.errors.map((e) => prefixed(at, e)) };
  }
  const repairs = restored.warnings.filter((w) => w.path !== 'version');
  if (repairs.length) return { ok: false, issues: repairs.map((w) => prefixed(at, w)) };
  return { ok: true, doc: restored.doc, added: restored.doc.nodes.map((n) => n.id), patched: [] };
}

// In the model (the stores copy documents without this module's zod-checked loaders).
export { cloneDocument };

function prefixed(at: string, issue: DocIssue): DocIssue {
  return { path: issue.path === '$' ? at : `${at}.${issue.path}`, message: issue.message };
}

export function applyChange(previous: TopologyDocument, change: Change): DiffResult {
  const issues: DocIssue[] = [];
  const doc: TopologyDocument = cloneDocument(previous);
  if (change.title !== undefined) doc.title = change.title;

  (change.remove ?? []).forEach((id, i) => {
    const isNode = doc.nodes.some((n) => n.id === id);
    const isEdge = doc.edges.some((e) => e.id === id);
    if (!isNode && !isEdge) {
      issues.push({ path: `change.remove[${i}]`, message: `no box or connection with id "${id}"` });
      return;
    }
    if (isNode) {
      // A removed box takes its connections with it, and its host's contents fall out.
      doc.nodes = doc.nodes.filter((n) => n.id !== id);
      doc.edges = doc.edges.filter((e) => e.source !== id && e.target !== id);
      for (const n of doc.nodes) if (n.parent === id) delete n.parent;
    } else {
      doc.edges = doc.edges.filter((e) => e.id !== id);
    }
  });

  const patched: string[] = [];
  for (const [id, patch] of Object.entries(change.patch ?? {})) {
    const at = `change.patch.${id}`;
    const node = doc.nodes.find((n) => n.id === id);
    const edge = doc.edges.find((e) => e.id === id);
    if (!node && !edge) {
      issues.push({ path: at, message: `no box or connection with id "${id}"` });
      continue;
    }
    if (edge) {
      if (patch.position || patch.parent !== undefined) {
        issues.push({
          path: at,
          message:
            'a connection only has a label and its settings (retries, timeout, breaker) to change',
        });
        continue;
      }
      if (patch.label !== undefined) {
        if (patch.label === '') delete edge.label;
        else edge.label = patch.label;
      }
      // A connection's settings (src/model/linkSettings.ts); a default value takes the key out.
      for (const [key, value] of Object.entries(patch.config ?? {})) {
        const field = linkField(key);
        if (!field) {
          issues.push({ path: `${at}.config.${key}`, message: 'unknown setting for a connection' });
          continue;
        }
        const problem = checkField(field, value);
        if (problem) {
          issues.push({ path: `${at}.config.${key}`, message: problem });
          continue;
        }
        const config = { ...edge.config };
        if (field.default === value) delete config[key];
        else config[key] = value as ConfigValue;
        if (Object.keys(config).length > 0) edge.config = config;
        else delete edge.config;
      }
      continue;
    }
    const n = node as TopologyNode;
    if (patch.label !== undefined) n.label = patch.label;
    if (patch.position) n.position = { ...patch.position };
    if (patch.parent === null) delete n.parent;
    else if (patch.parent !== undefined) n.parent = patch.parent;
    for (const [key, value] of Object.entries(patch.config ?? {})) {
      const field = fieldSpec(n.kind, key);
      if (!field) {
        issues.push({
          path: `${at}.config.${key}`,
          message: `unknown setting for ${KINDS[n.kind].title}`,
        });
        continue;
      }
      const problem = checkField(field, value);
      if (problem) issues.push({ path: `${at}.config.${key}`, message: problem });
      else n.config[key] = value as ConfigValue;
    }
    patched.push(id);
  }

  const added: string[] = [];
  (change.add?.nodes ?? []).forEach((raw, i) => {
    const one = strictDocument({ version: 1, title: '', nodes: [raw], edges: [] }, 'x');
    if (!one.ok) {
      for (const issue of one.issues) {
        issues.push({
          path: issue.path.replace(/^x\.nodes\[0\]/, `change.add.nodes[${i}]`),
          message: issue.message,
        });
      }
      return;
    }
    const node = one.doc.nodes[0]!;
    if (doc.nodes.some((n) => n.id === node.id)) {
      issues.push({
        path: `change.add.nodes[${i}].id`,
        message: `a box with id "${node.id}" is already there`,
      });
      return;
    }
    doc.nodes.push(node);
    added.push(node.id);
  });
  (change.add?.edges ?? []).forEach((raw, i) => {
    const at = `change.add.edges[${i}]`;
    const { id, source, target, label, config } = raw;
    if (typeof id !== 'string' || !id) {
      issues.push({ path: `${at}.id`, message: 'must be a non-empty string' });
      return;
    }
    if (typeof source !== 'string' || typeof target !== 'string') {
      issues.push({ path: at, message: 'source and target must be box ids' });
      return;
    }
    if (label !== undefined && typeof label !== 'string') {
      issues.push({ path: `${at}.label`, message: 'must be text' });
      return;
    }
    const extra = Object.keys(raw).filter(
      (k) => !['id', 'source', 'target', 'label', 'config'].includes(k),
    );
    if (extra.length) {
      issues.push({ path: `${at}.${extra[0]}`, message: 'unknown field of a connection' });
      return;
    }
    if (doc.edges.some((e) => e.id === id)) {
      issues.push({ path: `${at}.id`, message: `a connection with id "${id}" is already there` });
      return;
    }
    if (
      config !== undefined &&
      (typeof config !== 'object' || config === null || Array.isArray(config))
    ) {
      issues.push({ path: `${at}.config`, message: 'must be an object of connection settings' });
      return;
    }
    doc.edges.push({
      id,
      source,
      target,
      ...(label ? { label } : {}),
      // Checked with the whole document below (validateDocument knows connection settings).
      ...(config ? { config: { ...(config as Record<string, ConfigValue>) } } : {}),
    });
  });

  if (issues.length) return { ok: false, issues };
  // References (edges to removed boxes, parents) are checked on the result as a whole.
  const problems = validateDocument(doc);
  if (problems.length) {
    return {
      ok: false,
      issues: problems.map((p) => ({
        path: `change (resulting document ${p.path})`,
        message: describeRef(doc, p),
      })),
    };
  }
  return { ok: true, doc, added, patched };
}

function describeRef(doc: TopologyDocument, issue: DocIssue): string {
  const m = /^edges\[(\d+)\]/.exec(issue.path);
  if (m) {
    const edge = doc.edges[Number(m[1])];
    if (edge) return `connection "${edge.id}": ${issue.message}`;
  }
  return issue.message;
}
