import { createSignal, onCleanup, type Accessor } from 'solid-js';

/** Below this the clinic table is a list of cards: seven columns do not fit a phone held upright. */
export const WIDE_SCREEN = '(min-width: 40rem)';

/**
 * Whether the screen is wide enough for a table, following a phone turned sideways or a window
 * resized. One layout is rendered rather than both hidden in turn, so nothing is read twice.
 */
export function createWideScreen(): Accessor<boolean> {
  const media = window.matchMedia(WIDE_SCREEN);
  const [wide, setWide] = createSignal(media.matches);
  const follow = (event: MediaQueryListEvent): void => {
    setWide(event.matches);
  };
  media.addEventListener('change', follow);
  onCleanup(() => media.removeEventListener('change', follow));
  return wide;
}
