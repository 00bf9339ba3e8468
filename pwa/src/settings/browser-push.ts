import { fetchPushPublicKey, removePushSubscription, savePushSubscription } from '../api/push';
import type { PushBrowser, PushServer } from './push-enrolment';

/** This page's browser, as the push enrolment sees it. */
export function browserPush(): PushBrowser {
  return {
    supported: 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window,
    permission: () => Notification.permission,
    requestPermission: () => Notification.requestPermission(),
    // Never settles where no worker registers (vite dev, a failed registration): the enrolment's
    // time limit turns that into words.
    pushManager: async () => (await navigator.serviceWorker.ready).pushManager,
  };
}

/** Pulse's API, as the push enrolment sees it. */
export const pulsePush: PushServer = {
  publicKey: fetchPushPublicKey,
  save: savePushSubscription,
  remove: removePushSubscription,
};
