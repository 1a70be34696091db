// A step's narrative as text: paragraphs and simple lists, never HTML.

import { narrativeBlocks } from '../../story/narrative.ts';

export function Narrative({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {narrativeBlocks(text).map((block, i) =>
        block.type === 'paragraph' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one fixed text
          <p key={i}>{block.text}</p>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one fixed text
          <ul key={i}>
            {block.items.map((item, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items of one fixed text
              <li key={j}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
