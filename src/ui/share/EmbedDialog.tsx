// Embed: the iframe snippet for a course page, for the story step or the diagram, with the
// embed's options as checkboxes. The snippet updates as options change; "Copy snippet"
// copies it, and the preview opens the embed exactly as the course page will show it.

import { useMemo, useState } from 'react';
import { Dialog } from '../dialogs/Dialog.tsx';
import {
  DEFAULT_CONTROLS,
  EMBED_CONTROLS,
  type EmbedControl,
  normalizeOrigin,
  STORY_ONLY_CONTROLS,
} from './embedOptions.ts';
import { copyText, embedLink, iframeSnippet } from './links.ts';
import { TargetPicker } from './TargetPicker.tsx';
import { type TargetChoice, useTargetChoices } from './target.ts';

export function EmbedDialog({ onClose }: { onClose: () => void }) {
  const choices = useTargetChoices();
  const [choice, setChoice] = useState<TargetChoice['id']>(choices[0]!.id);
  const picked = choices.find((c) => c.id === choice) ?? choices[0]!;
  const [readOnly, setReadOnly] = useState(true);
  const [autoplay, setAutoplay] = useState(false);
  const [dark, setDark] = useState(false);
  const [controls, setControls] = useState<ReadonlySet<EmbedControl>>(new Set(DEFAULT_CONTROLS));
  const [originText, setOriginText] = useState('');
  const [status, setStatus] = useState('');

  const origin = originText.trim() ? normalizeOrigin(originText) : '';
  // A plain diagram has no story steps: their buttons are neither offered nor written.
  const offered = EMBED_CONTROLS.filter(
    (c) => picked.target.kind === 'story' || !STORY_ONLY_CONTROLS.has(c.id),
  );
  const link = useMemo(
    () =>
      embedLink(picked.target, {
        readOnly,
        autoplay,
        theme: dark ? 'dark' : 'light',
        controls: EMBED_CONTROLS.map((c) => c.id).filter(
          (id) =>
            controls.has(id) && (picked.target.kind === 'story' || !STORY_ONLY_CONTROLS.has(id)),
        ),
        origin: origin ?? '',
      }),
    [picked, readOnly, autoplay, dark, controls, origin],
  );
  // A challenge needs room for its panel, the boxes and the inspector beside the canvas.
  const height = picked.target.kind === 'challenge' ? 680 : 480;
  const snippet = link.ok ? iframeSnippet(link.url, picked.frameTitle, height) : '';

  const toggle = (id: EmbedControl, on: boolean) =>
    setControls((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Dialog title="Embed in a web page" onClose={onClose} wide>
      <TargetPicker choices={choices} value={choice} onChange={setChoice} />
      <fieldset className="bp-share__options">
        <legend>Options</legend>
        {picked.target.kind === 'challenge' ? null : (
          <label>
            <input
              type="checkbox"
              checked={readOnly}
              onChange={(e) => setReadOnly(e.target.checked)}
            />{' '}
            Read-only
          </label>
        )}
        <label>
          <input
            type="checkbox"
            checked={autoplay}
            onChange={(e) => setAutoplay(e.target.checked)}
          />{' '}
          Play on load
        </label>
        <label>
          <input type="checkbox" checked={dark} onChange={(e) => setDark(e.target.checked)} /> Dark
          theme
        </label>
      </fieldset>
      <fieldset className="bp-share__options">
        <legend>Controls shown</legend>
        {offered.map((c) => (
          <label key={c.id}>
            <input
              type="checkbox"
              checked={controls.has(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />{' '}
            {c.label}
          </label>
        ))}
      </fieldset>
      <label className="bp-share__field">
        <span>Page that may control it (optional origin)</span>
        <input
          type="url"
          placeholder="https://courses.example.org"
          value={originText}
          onChange={(e) => setOriginText(e.target.value)}
          aria-invalid={origin === null}
        />
        <span className="bp-share__hint">
          {origin === null
            ? 'Not a web origin: write it like https://courses.example.org. The embed will only accept commands from the page that embeds it.'
            : 'Commands (play, pause, step…) are accepted only from this origin; empty means the page that embeds it.'}
        </span>
      </label>
      {link.ok ? (
        <>
          <textarea
            className="bp-share__snippet"
            aria-label="Embed snippet"
            readOnly
            value={snippet}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="bp-share__foot">
            <a href={link.url} target="_blank" rel="noopener">
              Open a preview in a new tab
            </a>
            <span className="bp-share__status" role="status">
              {status}
            </span>
            <button
              type="button"
              className="bp-btn bp-btn--primary"
              onClick={() =>
                void copyText(snippet).then((ok) =>
                  setStatus(
                    ok
                      ? 'Snippet copied.'
                      : 'Copying was refused: select the snippet and press Ctrl+C (⌘C).',
                  ),
                )
              }
            >
              Copy snippet
            </button>
          </div>
        </>
      ) : (
        <p role="alert">This diagram could not be put into a link: {link.message}</p>
      )}
    </Dialog>
  );
}
