import type { EntryAction } from '../api/queue';
import type { EntryState, TodayEntry } from '../api/wire';

/**
 * What reception may do next with an entry, in the order of the buttons: the likely step first.
 * Mirrors the transitions the queue accepts (worker/domain/queue-projection.ts); the queue stays
 * the judge, so a step that raced another desk is refused there and said in words here.
 */
const NEXT_STEPS: Record<EntryState, readonly EntryAction[]> = {
  waiting: ['no-show', 'cancel'],
  called: ['start', 'complete', 'no-show'],
  in_consultation: ['complete'],
  completed: [],
  no_show: [],
  cancelled: [],
  // Closed at the clinic's midnight while still open: that day is over, nothing is left to do.
  unfinished: [],
};

export function nextSteps(state: EntryState): readonly EntryAction[] {
  return NEXT_STEPS[state];
}

/** Steps that cannot be undone: they take a second tap, as rows can move under a thumb. */
export function needsConfirmation(action: EntryAction): boolean {
  return action === 'no-show' || action === 'cancel';
}

export interface QueueGroups {
  /** Called or in consultation: who the doctor has now. */
  current: TodayEntry[];
  /** Still waiting, in ticket order: who comes next. */
  waiting: TodayEntry[];
  /** Seen, no-show, cancelled or unfinished: today's record. */
  done: TodayEntry[];
}

/** Today's entries as reception reads them, each group in ticket order. */
export function groupEntries(entries: readonly TodayEntry[]): QueueGroups {
  const byTicket = [...entries].sort((a, b) => a.ticketNumber - b.ticketNumber);
  const isCurrent = (entry: TodayEntry) => entry.state === 'called' || entry.state === 'in_consultation';
  return {
    current: byTicket.filter(isCurrent),
    waiting: byTicket.filter((entry) => entry.state === 'waiting'),
    done: byTicket.filter((entry) => entry.state !== 'waiting' && !isCurrent(entry)),
  };
}
