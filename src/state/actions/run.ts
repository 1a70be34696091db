// Running actions by id or by key: the one path every caller uses.

import { ACTIONS } from './index.ts';
import { type KeyEventLike, matchesCombo } from './keys.ts';
import type { Action, ActionContext, ActionSource } from './types.ts';

export function findAction(id: string): Action | undefined {
  return ACTIONS.find((a) => a.id === id);
}

export function isEnabled(action: Action, ctx: ActionContext): boolean {
  return action.predicate ? action.predicate(ctx) : true;
}

/** Runs the action if it is enabled; returns whether it ran. */
export function runAction(action: Action | string, source: ActionSource): boolean {
  const a = typeof action === 'string' ? findAction(action) : action;
  if (!a) return false;
  const ctx = { source };
  if (!isEnabled(a, ctx)) return false;
  void a.perform(ctx);
  return true;
}

/** The action bound to this key press, if any; an enabled one wins when several share it. */
export function actionForKey(event: KeyEventLike): Action | undefined {
  const bound = ACTIONS.filter((a) => a.keys?.some((k) => matchesCombo(event, k)));
  return bound.find((a) => isEnabled(a, { source: 'keyboard' })) ?? bound[0];
}

/** Actions grouped for one menu, in display order, split into sections. */
export function menuSections(menu: string): Action[][] {
  const items = ACTIONS.filter((a) => a.menu === menu).sort(
    (a, b) => (a.section ?? 0) - (b.section ?? 0) || (a.order ?? 0) - (b.order ?? 0),
  );
  const sections: Action[][] = [];
  let current: number | undefined;
  for (const item of items) {
    if (item.section !== current || sections.length === 0) {
      sections.push([]);
      current = item.section;
    }
    sections[sections.length - 1]!.push(item);
  }
  return sections;
}
