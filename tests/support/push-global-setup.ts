import type { TestProject } from 'vitest/node';
import './provided-context.ts';
import { vapidKeys } from '../../scripts/lib/dev-vars.ts';
import { startPushReceiver } from './push-receiver.ts';
import { issueLocalCertificate } from './test-ca.ts';

/**
 * A push service for the Worker to send to, over HTTPS with a certificate of the run's test CA
 * (which vitest.config.ts made workerd trust), and the Worker's VAPID keys for this run.
 */
export default async function setup(project: TestProject) {
  const receiver = await startPushReceiver(issueLocalCertificate());
  const vapid = vapidKeys();
  project.provide('pushReceiverUrl', receiver.url);
  project.provide('vapidPublicKey', vapid.VAPID_PUBLIC_KEY);
  project.provide('vapidPrivateKey', vapid.VAPID_PRIVATE_KEY);
  return () => receiver.close();
}
