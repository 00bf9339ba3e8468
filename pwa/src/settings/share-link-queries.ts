/** A clinic's share links as its owners' settings read them: a named query, read again after each change. */
import { query, revalidate } from '@solidjs/router';
import { fetchShareLinks } from '../api/share-links';

export const shareLinksQuery = query(fetchShareLinks, 'shareLinks');

/** After a link was made or revoked: the list is asked for again, with the new state. */
export function refreshShareLinks(clinicId: string): Promise<void> {
  return revalidate(shareLinksQuery.keyFor(clinicId));
}
