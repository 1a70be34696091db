// A client's access-log replay in the inspector: choose a log (nginx combined or CSV of
// time,method,path,user) to replay, or see what is being replayed. Dropping the file on the
// client box on the canvas does the same.

import { useId } from 'react';
import { readProfile } from '../../model/replayProfile.ts';
import type { TopologyNode } from '../../model/types.ts';
import { replayLogFile } from '../../state/logDrop.ts';

export function ReplayPane({ node }: { node: TopologyNode }) {
  const id = useId();
  const profile =
    typeof node.config.replayProfile === 'string' ? readProfile(node.config.replayProfile) : null;
  const replaying = node.config.pattern === 'replay';
  return (
    <div className="bp-field" data-testid="replay-pane">
      <label className="bp-field__label" htmlFor={id}>
        Replay an access log
      </label>
      <input
        id={id}
        type="file"
        accept=".log,.csv,.txt,text/plain,text/csv"
        className="bp-input"
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void replayLogFile(file, node.id);
        }}
      />
      <p className="bp-field__help" id={`${id}-help`}>
        {replaying && profile
          ? `Replaying a log of ${profile.total.toLocaleString('en')} requests over ${profile.counts.length * profile.bucketS} s (it loops), with its paths as the traffic mix. `
          : replaying
            ? 'Pattern is “Replay a log” but no log was given: nothing is sent until one is. '
            : ''}
        An nginx “combined” access log or a CSV of time, method, path, user; you can also drop the
        file on this box.
      </p>
    </div>
  );
}
