// Host: its row of docs/engine.md (a host has no Mermaid shape: it is a subgraph). Only
// the docs test reads it (src/kinds/words.ts lists it), so it is not on the first page or
// in the simulation Worker.

import { defineWords } from '../spec.ts';

export default defineWords({
  docs: [
    [
      'group',
      'a host: its `cores` are shared by the boxes inside (see above). Arrows to and from it reach the boxes inside (see *What arrows mean*); no request visits the host itself. Its report: utilization of the cores.',
    ],
  ],
});
