// One inspector control per config field type, rendered from the kind catalogue. Values
// are committed only when valid; an invalid entry shows why, inline, and changes nothing.

import { useEffect, useId, useState } from 'react';
import type {
  BooleanField,
  EnumField,
  FieldSpec,
  NumberField,
  RoutesField,
  TextField,
} from '../../model/kinds.ts';
import type { ConfigValue, HttpMethod, Route } from '../../model/types.ts';
import { parseDecimal } from './parse.ts';
import './fields.css';

export interface FieldProps<F extends FieldSpec> {
  field: F;
  value: ConfigValue | undefined;
  onCommit: (value: ConfigValue) => void;
}

/** Why `text` is not a valid value for the number field, or null. */
export function numberProblem(field: NumberField, text: string): string | null {
  if (text.trim() === '') return 'Enter a number.';
  const v = parseDecimal(text);
  if (v === null) return 'Enter a number, like 250 or 0.5.';
  if (v < field.min) return `Must be at least ${field.min}${field.unit ? ` ${field.unit}` : ''}.`;
  if (v > field.max)
    return `Must be at most ${field.max.toLocaleString('en')}${field.unit ? ` ${field.unit}` : ''}.`;
  if (field.integer && !Number.isInteger(v)) return 'Must be a whole number.';
  return null;
}

function Help({ id, text }: { id: string; text: string }) {
  return (
    <p className="bp-field__help" id={id}>
      {text}
    </p>
  );
}

export function NumberInput({ field, value, onCommit }: FieldProps<NumberField>) {
  const id = useId();
  const current = typeof value === 'number' ? value : field.default;
  const [text, setText] = useState(String(current));
  useEffect(() => setText(String(current)), [current]);
  const problem = numberProblem(field, text);
  return (
    <div className="bp-field">
      <label className="bp-field__label" htmlFor={id}>
        {field.label}
      </label>
      <div className={`bp-field__number${problem ? ' is-invalid' : ''}`}>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          data-field={field.key}
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-help${problem ? ` ${id}-err` : ''}`}
          onChange={(e) => {
            setText(e.target.value);
            if (!numberProblem(field, e.target.value)) onCommit(parseDecimal(e.target.value)!);
          }}
          onBlur={() => {
            if (problem) setText(String(current));
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setText(String(current));
              e.currentTarget.blur();
            }
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
        {field.unit ? <span className="bp-field__unit">{field.unit}</span> : null}
      </div>
      {problem ? (
        <p className="bp-field__error" id={`${id}-err`} role="alert">
          {problem} Not applied.
        </p>
      ) : null}
      <Help id={`${id}-help`} text={field.help} />
    </div>
  );
}

export function EnumSelect({ field, value, onCommit }: FieldProps<EnumField>) {
  const id = useId();
  return (
    <div className="bp-field">
      <label className="bp-field__label" htmlFor={id}>
        {field.label}
      </label>
      <select
        id={id}
        className="bp-select"
        data-field={field.key}
        value={typeof value === 'string' ? value : field.default}
        aria-describedby={`${id}-help`}
        onChange={(e) => onCommit(e.target.value)}
      >
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Help id={`${id}-help`} text={field.help} />
    </div>
  );
}

export function BooleanSwitch({ field, value, onCommit }: FieldProps<BooleanField>) {
  const id = useId();
  const on = typeof value === 'boolean' ? value : field.default;
  return (
    <div className="bp-field">
      <div className="bp-field__row">
        <span className="bp-field__label" id={`${id}-label`}>
          {field.label}
        </span>
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-help`}
          data-field={field.key}
          className="bp-switch"
          onClick={() => onCommit(!on)}
        >
          <span className="bp-switch__knob" />
        </button>
      </div>
      <Help id={`${id}-help`} text={field.help} />
    </div>
  );
}

export function TextInput({ field, value, onCommit }: FieldProps<TextField>) {
  const id = useId();
  const current = typeof value === 'string' ? value : field.default;
  return (
    <div className="bp-field">
      <label className="bp-field__label" htmlFor={id}>
        {field.label}
      </label>
      <input
        id={id}
        className="bp-input"
        data-field={field.key}
        value={current}
        maxLength={field.maxLength}
        aria-describedby={`${id}-help`}
        onChange={(e) => onCommit(e.target.value)}
      />
      <Help id={`${id}-help`} text={field.help} />
    </div>
  );
}

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

export function RoutesTable({ field, value, onCommit }: FieldProps<RoutesField>) {
  const id = useId();
  const routes: Route[] = Array.isArray(value) ? value : field.default;
  const update = (i: number, patch: Partial<Route>) =>
    onCommit(routes.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="bp-field bp-fieldset">
      <legend className="bp-field__label">{field.label}</legend>
      <table className="bp-routes" aria-describedby={`${id}-help`}>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">Path</th>
            <th scope="col">Weight</th>
            <th scope="col">
              <span className="bp-sr">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {routes.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional; paths may repeat
            <tr key={i}>
              <td>
                <select
                  aria-label={`Route ${i + 1} method`}
                  className="bp-select bp-select--compact"
                  value={r.method}
                  onChange={(e) => update(i, { method: e.target.value as HttpMethod })}
                >
                  {METHODS.map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </select>
              </td>
              <td>
                <RoutePath value={r.path} index={i} onCommit={(path) => update(i, { path })} />
              </td>
              <td>
                <RouteWeight
                  value={r.weight}
                  index={i}
                  onCommit={(weight) => update(i, { weight })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="bp-iconbtn bp-iconbtn--small"
                  aria-label={`Remove route ${i + 1}`}
                  disabled={routes.length <= 1}
                  onClick={() => onCommit(routes.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="bp-btn bp-btn--ghost"
        disabled={routes.length >= 100}
        onClick={() => onCommit([...routes, { method: 'GET', path: '/', weight: 1 }])}
      >
        + Add route
      </button>
      <Help id={`${id}-help`} text={field.help} />
    </fieldset>
  );
}

function RoutePath({
  value,
  index,
  onCommit,
}: {
  value: string;
  index: number;
  onCommit: (v: string) => void;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const bad = !text.startsWith('/');
  return (
    <input
      className={`bp-input bp-input--compact${bad ? ' is-invalid' : ''}`}
      aria-label={`Route ${index + 1} path`}
      aria-invalid={bad || undefined}
      title={bad ? 'A path starts with /' : undefined}
      value={text}
      maxLength={500}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value.startsWith('/')) onCommit(e.target.value);
      }}
      onBlur={() => setText(value)}
    />
  );
}

function RouteWeight({
  value,
  index,
  onCommit,
}: {
  value: number;
  index: number;
  onCommit: (v: number) => void;
}) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const v = parseDecimal(text);
  const bad = v === null || v < 0 || v > 1_000_000;
  return (
    <input
      className={`bp-input bp-input--compact bp-input--num${bad ? ' is-invalid' : ''}`}
      aria-label={`Route ${index + 1} weight`}
      aria-invalid={bad || undefined}
      title={bad ? 'A weight is a number of 0 or more' : undefined}
      inputMode="decimal"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const n = parseDecimal(e.target.value);
        if (n !== null && n >= 0 && n <= 1_000_000) onCommit(n);
      }}
      onBlur={() => setText(String(value))}
    />
  );
}
