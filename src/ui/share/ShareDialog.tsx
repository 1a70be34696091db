// Share: a link that carries the diagram (or names the story step) in its fragment. It is
// copied as the dialog opens; the link stays on show to copy again or select by hand.

import { useEffect, useMemo, useState } from 'react';
import { LONG_LINK_CHARS } from '../../io/share.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import { copyText, shareLink } from './links.ts';
import { TargetPicker } from './TargetPicker.tsx';
import { type TargetChoice, useTargetChoices } from './target.ts';

type CopyState = 'copying' | 'copied' | 'manual';

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const choices = useTargetChoices();
  const [choice, setChoice] = useState<TargetChoice['id']>(choices[0]!.id);
  const target = (choices.find((c) => c.id === choice) ?? choices[0]!).target;
  const link = useMemo(() => shareLink(target), [target]);
  const [copy, setCopy] = useState<CopyState>('copying');

  useEffect(() => {
    if (!link.ok) return;
    let live = true;
    setCopy('copying');
    void copyText(link.url).then((ok) => live && setCopy(ok ? 'copied' : 'manual'));
    return () => {
      live = false;
    };
  }, [link]);

  return (
    <Dialog title="Share a link" onClose={onClose} wide>
      <TargetPicker choices={choices} value={choice} onChange={setChoice} />
      {link.ok ? (
        <>
          <p>
            {target.kind === 'doc'
              ? 'The diagram travels inside the link itself: nothing is uploaded anywhere. Whoever opens it sees exactly this diagram, and their own work stays safe.'
              : target.kind === 'challenge'
                ? 'The link opens this challenge with your design in it (carried inside the link, nothing is uploaded), for a teacher or a friend to check.'
                : 'The link opens this step of the story, as the story shows it.'}
          </p>
          <div className="bp-share__row">
            <input
              className="bp-share__link"
              aria-label="Share link"
              readOnly
              value={link.url}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              className="bp-btn bp-btn--primary"
              onClick={() =>
                void copyText(link.url).then((ok) => setCopy(ok ? 'copied' : 'manual'))
              }
            >
              Copy link
            </button>
          </div>
          <p className="bp-share__status" role="status">
            {copy === 'copied'
              ? 'Copied to the clipboard.'
              : copy === 'manual'
                ? 'The browser did not allow copying: select the link and press Ctrl+C (⌘C).'
                : ''}
          </p>
          {link.url.length > LONG_LINK_CHARS ? (
            <p className="bp-share__note">
              This link is {link.url.length.toLocaleString()} characters long. Browsers open it, but
              some chat apps cut long links: for a big diagram, File → Save and send the file.
            </p>
          ) : null}
        </>
      ) : (
        <p role="alert">This diagram could not be put into a link: {link.message}</p>
      )}
    </Dialog>
  );
}
