// Questions to think about, each with its answer hidden until asked for.

import { useId, useState } from 'react';

function Question({ q, a }: { q: string; a: string }) {
  const [open, setOpen] = useState(false);
  const answerId = useId();
  return (
    <li className="bp-story__question">
      <p className="bp-story__q">{q}</p>
      <button
        type="button"
        className="bp-btn bp-btn--ghost bp-story__reveal"
        aria-expanded={open}
        aria-controls={answerId}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Hide the answer' : 'Show the answer'}
      </button>
      <p id={answerId} className="bp-story__a" hidden={!open}>
        {a}
      </p>
    </li>
  );
}

export function Questions({ items }: { items: readonly { q: string; a: string }[] }) {
  if (!items.length) return null;
  return (
    <section className="bp-story__section" aria-label="Questions">
      <h3 className="bp-story__h">Think about it</h3>
      <ol className="bp-story__questions">
        {items.map((item) => (
          <Question key={item.q} q={item.q} a={item.a} />
        ))}
      </ol>
    </section>
  );
}
