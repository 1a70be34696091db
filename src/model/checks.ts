// What restore and validate both check by hand: a setting's value against its field, and
// a document's ids and references. No zod here, so restore (and the first page) does not
// need it; schema.ts re-exports both.

import type { FieldSpec } from './kinds.ts';
import { KINDS } from './kinds.ts';
import { linkField } from './linkSettings.ts';
import { routesIssue } from './loose.ts';
import { type DocIssue, formatPath } from './paths.ts';
import type { TopologyDocument } from './types.ts';

/** Why `value` is not acceptable for `field`, or null when it is. */
export function checkField(field: FieldSpec, value: unknown): string | null {
  switch (field.type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (value < field.min) return `must be at least ${field.min}`;
      if (value > field.max) return `must be at most ${field.max}`;
      if (field.integer && !Number.isInteger(value)) return 'must be a whole number';
      return null;
    }
    case 'enum':
      if (typeof value !== 'string' || !field.options.some((o) => o.value === value)) {
        return `must be one of ${field.options.map((o) => o.value).join(', ')}`;
      }
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'text':
      if (typeof value !== 'string') return 'must be text';
      return value.length > field.maxLength
        ? `must be at most ${field.maxLength} characters`
        : null;
    case 'routes': {
      const first = routesIssue(value);
      return first ? `${formatPath(first.path)}: ${first.message}` : null;
    }
  }
}

/** Config values, unique ids and references; shared by validate and restore. */
export function referenceIssues(doc: TopologyDocument, checkConfig: boolean): DocIssue[] {
  const issues: DocIssue[] = [];
  const ids = new Map<string, number>();
  doc.nodes.forEach((node, i) => {
    if (ids.has(node.id)) {
      issues.push({
        path: `nodes[${i}].id`,
        message: `duplicate id "${node.id}" (also nodes[${ids.get(node.id)}])`,
      });
    } else ids.set(node.id, i);
    if (checkConfig) {
      const spec = KINDS[node.kind];
      for (const [key, value] of Object.entries(node.config)) {
        const field = spec.fields.find((f) => f.key === key);
        const path = `nodes[${i}].config.${key}`;
        if (!field) issues.push({ path, message: `unknown setting for ${spec.title}` });
        else {
          const problem = checkField(field, value);
          if (problem) issues.push({ path, message: problem });
        }
      }
    }
  });
  doc.nodes.forEach((node, i) => {
    if (node.parent === undefined) return;
    const parentIndex = ids.get(node.parent);
    if (parentIndex === undefined) {
      issues.push({ path: `nodes[${i}].parent`, message: `no node with id "${node.parent}"` });
    } else if (doc.nodes[parentIndex]!.kind !== 'group') {
      issues.push({
        path: `nodes[${i}].parent`,
        message: `"${node.parent}" is not a host (group)`,
      });
    } else if (parentChainLoops(doc, node.id)) {
      issues.push({ path: `nodes[${i}].parent`, message: 'hosts contain each other in a loop' });
    }
  });
  const edgeIds = new Set<string>();
  doc.edges.forEach((edge, i) => {
    if (edgeIds.has(edge.id))
      issues.push({ path: `edges[${i}].id`, message: `duplicate id "${edge.id}"` });
    edgeIds.add(edge.id);
    if (!ids.has(edge.source))
      issues.push({ path: `edges[${i}].source`, message: `no node with id "${edge.source}"` });
    if (!ids.has(edge.target))
      issues.push({ path: `edges[${i}].target`, message: `no node with id "${edge.target}"` });
    if (checkConfig && edge.config !== undefined) {
      for (const [key, value] of Object.entries(edge.config)) {
        const field = linkField(key);
        const path = `edges[${i}].config.${key}`;
        if (!field) issues.push({ path, message: 'unknown setting for a connection' });
        else {
          const problem = checkField(field, value);
          if (problem) issues.push({ path, message: problem });
        }
      }
    }
  });
  return issues;
}

function parentChainLoops(doc: TopologyDocument, id: string): boolean {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current?.parent !== undefined) {
    if (seen.has(current.id)) return true;
    seen.add(current.id);
    current = byId.get(current.parent);
  }
  return false;
}
