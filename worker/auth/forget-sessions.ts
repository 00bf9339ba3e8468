import type { Runtime } from '../runtime/runtime.ts';
import type { SessionsToForget } from '../session-directory/session-directory.ts';

/**
 * Tells the session directories that sessions changed in libSQL (revoked, or their person's
 * memberships, role, locale or clinics changed), after the write and before the change is
 * answered: the next request of those sessions reads libSQL again, in every isolate. A directory
 * that does not answer is asked once more; then the change fails loudly (its libSQL write is
 * done and can be repeated), since a directory kept unaware would keep a revoked session open.
 */
export async function forgetSessions(services: Runtime, of: SessionsToForget): Promise<void> {
  const { durableObjects } = services;
  const directories = 'tokenHash' in of ? [durableObjects.sessionDirectory(of.tokenHash)] : durableObjects.allSessionDirectories();
  await Promise.all(
    directories.map(async (directory) => {
      try {
        await directory.forget(of);
      } catch (error) {
        services.logger.warn('session directory did not answer a forget: asked again', { error: String(error) });
        await directory.forget(of);
      }
    }),
  );
}
