/**
 * What a tap on a notification opens: the screen it names, in a Pulse window already open when
 * there is one (brought forward, and sent to that screen if it shows another), else a new window.
 */
import { isRecord } from '../api/json';

/**
 * The absolute address of the screen a notification's data names, on this origin only: a path
 * such as `//elsewhere.example` or `/\elsewhere.example` would resolve to another site, and a
 * notification must never be a way to open one. Anything else opens the home screen.
 */
export function clickUrl(data: unknown, origin: string): string {
  const home = new URL('/', origin).href;
  const path = isRecord(data) ? data['url'] : undefined;
  if (typeof path !== 'string' || !path.startsWith('/')) return home;
  try {
    const url = new URL(path, origin);
    return url.origin === new URL(origin).origin ? url.href : home;
  } catch {
    return home;
  }
}

/** An open Pulse window, as the service worker's clients list describes it. */
export interface OpenWindow {
  url: string;
  focused: boolean;
}

export type ClickAction =
  /** Bring forward the window at `index`; send it to the target first when it shows another screen. */
  | { kind: 'focus'; index: number; navigate: boolean }
  | { kind: 'open' };

/** A window already on the target; else the one in use (focused), else the first; else a new one. */
export function chooseWindow(target: string, windows: readonly OpenWindow[]): ClickAction {
  const onTarget = windows.findIndex((window) => window.url === target);
  if (onTarget !== -1) return { kind: 'focus', index: onTarget, navigate: false };
  if (windows.length === 0) return { kind: 'open' };
  const focused = windows.findIndex((window) => window.focused);
  return { kind: 'focus', index: focused === -1 ? 0 : focused, navigate: true };
}
