/**
 * Where a browser's push subscription may point. The Worker POSTs to a subscription's endpoint, so
 * an endpoint anywhere would let any signed-in user make the Worker call any host (SSRF); only the
 * browsers' push services are accepted: Chrome/Edge (FCM), Firefox (Mozilla autopush), Windows
 * (WNS) and Safari (Apple).
 */
export const BROWSER_PUSH_SERVICES = ['fcm.googleapis.com', 'updates.push.services.mozilla.com', '*.notify.windows.com', '*.push.apple.com'] as const;

/** Whether `hostname` is one of `allowed` (`*.example.com` allows its subdomains, not itself). */
export function isPushServiceHost(hostname: string, allowed: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return allowed.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern));
}
