/**
 * The names exports are downloaded under (`Content-Disposition`): an ASCII `filename` that every
 * client can show, and the real, accented name in `filename*` (RFC 6266 / 5987). Pure.
 */

/** Longest slug kept: the name part of a file name, short enough for every file system. */
const SLUG_MAX = 60;

/** An ASCII slug of a name: accents dropped, anything else but letters and digits a dash; `fallback` when nothing is left. */
export function asciiSlug(name: string, fallback = 'clinic'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? fallback : slug;
}

/** RFC 5987 `attr-char` only: encodeURIComponent leaves `'()*!` as they are, the RFC does not allow `'()*`. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (sign) => `%${sign.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="<asciiName>"; filename*=UTF-8''<realName, percent-encoded>`. `asciiName`
 * must already be safe in a quoted string (a slug); `realName` may be anything.
 */
export function attachmentDisposition(asciiName: string, realName: string = asciiName): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${rfc5987(realName)}`;
}
