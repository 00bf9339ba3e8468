/**
 * A clinic's read-only share links as its owners manage them in Réglages
 * (`/api/v1/clinics/{id}/share-links`): make one (its address is shown only then), list them,
 * revoke one. Each resolves with an answer checked against the Worker's own schemas, or rejects
 * with the errors of client.ts (CONFLICT: too many links alive).
 */
import {
  NewShareLinkSchema,
  SHARE_LINK_DAYS,
  ShareLinkListSchema,
  type NewShareLink,
  type ShareLink,
  type ShareLinkList,
  type ShareLinkRequest,
} from '../../../worker/domain/share-links.ts';
import { parseAnswer } from './answer';
import { api, callApi, clinicParams, segment } from './client';

export { SHARE_LINK_DAYS, type NewShareLink, type ShareLink, type ShareLinkList, type ShareLinkRequest };

const links = api.clinics[':clinicId']['share-links'];

export const parseShareLinkList = (value: unknown): ShareLinkList => parseAnswer(ShareLinkListSchema, 'share links', value);
export const parseNewShareLink = (value: unknown): NewShareLink => parseAnswer(NewShareLinkSchema, 'new share link', value);

export async function fetchShareLinks(clinicId: string): Promise<ShareLinkList> {
  return parseShareLinkList(await callApi(links.$get({ param: clinicParams(clinicId) })));
}

export async function createShareLink(clinicId: string, request: ShareLinkRequest): Promise<NewShareLink> {
  return parseNewShareLink(await callApi(links.$post({ param: clinicParams(clinicId), json: request })));
}

export async function revokeShareLink(clinicId: string, linkId: string): Promise<void> {
  await callApi(links[':linkId'].$delete({ param: { ...clinicParams(clinicId), linkId: segment(linkId) } }));
}
