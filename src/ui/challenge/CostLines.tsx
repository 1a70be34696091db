// Costs where people look: a box's monthly price in the inspector (with what it is in the
// cloud and why that size), and the design's total in the top bar (against the budget while
// a challenge is open). Prices: src/model/cost.ts, sources in docs/challenges.md.

import { useMemo } from 'react';
import { boxCost, designCost, formatUsd } from '../../model/cost.ts';
import type { TopologyNode } from '../../model/types.ts';
import { useChallengeStore } from '../../state/challengeStore.ts';
import { useDocumentStore } from '../../state/documentStore.ts';

export function BoxCostLine({ node }: { node: TopologyNode }) {
  const doc = useDocumentStore((s) => s.doc);
  const cost = useMemo(() => boxCost(doc, node), [doc, node]);
  let text: React.ReactNode;
  if (cost.runsOn) {
    text = (
      <>
        Runs on {doc.nodes.find((n) => n.id === cost.runsOn)?.label ?? cost.runsOn}: no extra cost
        (the host’s cores are priced there).
      </>
    );
  } else if (cost.monthlyUsd === 0) {
    text = (
      <>
        <strong>$0</strong> a month: {cost.why}.{cost.note ? ` ${cost.note}` : ''}
      </>
    );
  } else {
    const scaling = cost.scaling;
    const note = cost.note ? ` ${cost.note}` : '';
    if (scaling) {
      const start = `${cost.replicas} ${cost.replicas === 1 ? 'replica' : 'replicas'}`;
      text = (
        <>
          <strong>{formatUsd(cost.perReplicaUsd)}</strong> a month a replica: {cost.product},{' '}
          {cost.why}. Starts with {start}: {formatUsd(cost.monthlyUsd)}; autoscales between{' '}
          {scaling.min} and {scaling.max}: {formatUsd(scaling.minUsd)} to{' '}
          {formatUsd(scaling.maxUsd)}.{note}
        </>
      );
    } else {
      const replicas =
        cost.replicas > 1 ? ` × ${cost.replicas} replicas = ${formatUsd(cost.monthlyUsd)}` : '';
      text = (
        <>
          <strong>{formatUsd(cost.perReplicaUsd)}</strong> a month{replicas}: {cost.product},{' '}
          {cost.why}.{note}
        </>
      );
    }
  }
  return (
    <p className="bp-inspector__cost" data-testid="box-cost">
      {text}
    </p>
  );
}

export function CostBadge() {
  const doc = useDocumentStore((s) => s.doc);
  const budget = useChallengeStore((s) => s.challenge?.constraints.budgetUsd ?? null);
  const total = useMemo(() => designCost(doc).totalUsd, [doc]);
  const over = budget !== null && total > budget;
  return (
    <span
      className={`bp-topbar__cost${over ? ' is-over' : ''}`}
      data-testid="total-cost"
      title={`What this design costs a month at AWS on-demand list prices${budget !== null ? `; the challenge’s budget is ${formatUsd(budget)}` : ''} (each box’s price is in the inspector; an autoscaled box counts the replicas it starts with)`}
    >
      <span className="bp-sr">Monthly cost: </span>
      <strong>{formatUsd(total)}</strong>
      {budget !== null ? ` of ${formatUsd(budget)}` : ''}
      <span aria-hidden="true">/mo</span>
      <span className="bp-sr"> a month</span>
    </span>
  );
}
