import type { JSX } from 'solid-js';

/** Decorative line icons: each sits beside a text or an aria-label that carries the meaning. */
function LineIcon(props: { children: JSX.Element; class?: string }): JSX.Element {
  return (
    <svg
      class={props.class ?? 'icon'}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      {props.children}
    </svg>
  );
}

/** Pulse's heartbeat, the same trace as the app icon (scripts/make-icons.ts). */
export function PulseMark(): JSX.Element {
  return (
    <LineIcon class="pulse-mark">
      <path d="M2 13h4.4l1.6-2.8 1.6 2.8h1.4l1.9-9.6 2.2 17.6 1.9-10.6 1.4 2.6H22" />
    </LineIcon>
  );
}

export function MoonIcon(): JSX.Element {
  return (
    <LineIcon>
      <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />
    </LineIcon>
  );
}

export function RefreshIcon(props: { spinning: boolean }): JSX.Element {
  return (
    <LineIcon class={props.spinning ? 'icon spinning' : 'icon'}>
      <path d="M20 11a8 8 0 0 0-14.6-4.5M4 4v4h4M4 13a8 8 0 0 0 14.6 4.5M20 20v-4h-4" />
    </LineIcon>
  );
}

export function DatabaseIcon(): JSX.Element {
  return (
    <LineIcon>
      <ellipse cx="12" cy="5.5" rx="7.5" ry="3" />
      <path d="M4.5 5.5v13c0 1.7 3.4 3 7.5 3s7.5-1.3 7.5-3v-13M4.5 12c0 1.7 3.4 3 7.5 3s7.5-1.3 7.5-3" />
    </LineIcon>
  );
}

/** Today: a day on the calendar. */
export function TodayIcon(): JSX.Element {
  return (
    <LineIcon>
      <rect x="3.5" y="5" width="17" height="15.5" rx="2.5" />
      <path d="M3.5 10h17M8 3v4M16 3v4" />
      <circle cx="12" cy="15" r="1.6" />
    </LineIcon>
  );
}

/** History: bars over time. */
export function HistoryIcon(): JSX.Element {
  return (
    <LineIcon>
      <path d="M4 20h16M7 16v-4M12 16V7M17 16v-7" />
    </LineIcon>
  );
}

/** Administration: the business as a whole, a grid of clinics. */
export function AdminIcon(): JSX.Element {
  return (
    <LineIcon>
      <rect x="3.5" y="3.5" width="7" height="7" rx="1.5" />
      <rect x="13.5" y="3.5" width="7" height="7" rx="1.5" />
      <rect x="3.5" y="13.5" width="7" height="7" rx="1.5" />
      <rect x="13.5" y="13.5" width="7" height="7" rx="1.5" />
    </LineIcon>
  );
}

/** Service health: a beating trace. */
export function HealthIcon(): JSX.Element {
  return (
    <LineIcon>
      <path d="M3 12h4l2.5-6 5 12 2.5-6h4" />
    </LineIcon>
  );
}

/** My account: a person. */
export function AccountIcon(): JSX.Element {
  return (
    <LineIcon>
      <circle cx="12" cy="8" r="4" />
      <path d="M4.5 20.5a7.5 7.5 0 0 1 15 0" />
    </LineIcon>
  );
}

/** Settings: two sliders, one per choice. */
export function SettingsIcon(): JSX.Element {
  return (
    <LineIcon>
      <path d="M4 7h9M17 7h3M4 17h3M11 17h9" />
      <circle cx="15" cy="7" r="2" />
      <circle cx="9" cy="17" r="2" />
    </LineIcon>
  );
}

export function SignOutIcon(): JSX.Element {
  return (
    <LineIcon>
      <path d="M9 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h3M16 16l4-4-4-4M20 12H10" />
    </LineIcon>
  );
}

/** More: the folded steps of a queue entry. */
export function MoreIcon(): JSX.Element {
  return (
    <LineIcon>
      <path d="M5 12h.01M12 12h.01M19 12h.01" stroke-width="3" />
    </LineIcon>
  );
}
