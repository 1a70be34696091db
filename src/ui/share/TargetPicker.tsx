// Story step or current diagram: radio buttons, shown only when there is a choice.

import type { TargetChoice } from './target.ts';

export function TargetPicker({
  choices,
  value,
  onChange,
}: {
  choices: TargetChoice[];
  value: TargetChoice['id'];
  onChange: (id: TargetChoice['id']) => void;
}) {
  if (choices.length < 2) return null;
  return (
    <fieldset className="bp-share__targets">
      <legend>What to share</legend>
      {choices.map((c) => (
        <label key={c.id}>
          <input
            type="radio"
            name="bp-share-target"
            value={c.id}
            checked={value === c.id}
            onChange={() => onChange(c.id)}
          />{' '}
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}
