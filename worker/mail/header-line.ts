/**
 * A header value (a subject, `Reply-To`…) on one line. Transports write such values into a
 * message's header block, where a line break would start a header of its own (`Bcc: …`): CR and
 * LF, with the folding whitespace after them, become one space. Names are kept free of control
 * characters where they are typed (human-name.ts); this guards every transport anyway, since a
 * subject is made of more than names.
 */
export function headerLine(value: string): string {
  return value.replace(/[\r\n]+\s*/g, ' ');
}

/** Every value of a header map on one line. */
export function headerLines(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, headerLine(value)]));
}
