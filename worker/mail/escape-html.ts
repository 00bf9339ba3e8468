/** Text made safe for HTML: every character markup could read (`& < > " '`) as a numeric reference. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
