// A connection's resilience settings in the inspector (src/model/linkSettings.ts): retries
// with backoff, a call timeout, a circuit breaker. The retry details show once there are
// retries, the breaker's once it is on; every value is committed through setEdgeConfigValue.

import { LINK_FIELDS, type LinkField, linkBoolean, linkNumber } from '../../model/linkSettings.ts';
import type { ConfigValue, TopologyEdge } from '../../model/types.ts';
import { setEdgeConfigValue } from '../../state/docOps.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { BooleanSwitch, EnumSelect, NumberInput } from './fields.tsx';

const RETRY_DETAILS = new Set([
  'retryBackoffMs',
  'retryBackoffCapMs',
  'retryJitter',
  'retryOn',
  'retryBudgetPct',
]);
const BREAKER_DETAILS = new Set([
  'breakerThresholdPct',
  'breakerWindow',
  'breakerOpenMs',
  'breakerProbes',
]);

export function LinkSettings({ edge }: { edge: TopologyEdge }) {
  const config = edge.config;
  const retries = linkNumber(config, 'retries') > 0;
  const breaker = linkBoolean(config, 'breaker');
  const shown = (f: LinkField) =>
    (!RETRY_DETAILS.has(f.key) || retries) && (!BREAKER_DETAILS.has(f.key) || breaker);
  const commit = (field: LinkField, value: ConfigValue) =>
    useDocumentStore
      .getState()
      .change(`Edit ${field.label}`, (d) => setEdgeConfigValue(d, edge.id, field.key, value), {
        coalesce: `edge-config:${edge.id}:${field.key}`,
      });
  return (
    <section aria-label="When calls fail" className="bp-link-settings">
      <h3 className="bp-inspector__section">When calls fail</h3>
      {LINK_FIELDS.filter(shown).map((field) => {
        const value = config?.[field.key];
        const onCommit = (v: ConfigValue) => commit(field, v);
        switch (field.type) {
          case 'number':
            return <NumberInput key={field.key} field={field} value={value} onCommit={onCommit} />;
          case 'enum':
            return <EnumSelect key={field.key} field={field} value={value} onCommit={onCommit} />;
          case 'boolean':
            return (
              <BooleanSwitch key={field.key} field={field} value={value} onCommit={onCommit} />
            );
        }
        return null;
      })}
    </section>
  );
}
