import type { Messages } from './fr';

/** An audited action in words; one the table does not know yet keeps its code. */
export function auditActionName(action: string, messages: Messages): string {
  const names: Record<string, string> = messages.auditActions;
  return Object.hasOwn(names, action) ? (names[action] ?? action) : action;
}
