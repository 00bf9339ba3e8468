import { describe, expect, it } from 'vitest';
import { ApiError, ServerUnreachableError } from '../api/errors';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { pushProblemWords, testOutcomeWords } from './push-words';

describe('pushProblemWords', () => {
  it('should name the step the browser never answered', () => {
    expect(pushProblemWords({ kind: 'noAnswer', step: 'permission' }, fr)).toBe(
      'Le navigateur n’a pas répondu à la demande d’autorisation. Vérifiez qu’elle n’est pas cachée, puis réessayez.',
    );
    expect(pushProblemWords({ kind: 'noAnswer', step: 'subscription' }, en)).toBe(
      'The browser’s notification service is not answering. Check your connection, then try again.',
    );
  });

  it("should say the browser could not reach its push service when it refuses to subscribe", () => {
    const error = new Error('Registration failed - push service not available');
    expect(pushProblemWords({ kind: 'browserFailed', step: 'subscription', error }, fr)).toBe(
      'Le navigateur n’a pas pu joindre son service de notifications. Vérifiez votre connexion, puis réessayez.',
    );
  });

  it("should put the server's refusals in the words of every other request", () => {
    expect(pushProblemWords({ kind: 'serverFailed', error: new ServerUnreachableError('no answer') }, fr)).toBe(fr.errorServerUnreachable);
    const forbidden = new ApiError({ status: 403, code: 'FORBIDDEN', message: 'Forbidden', details: {}, retryAfterSeconds: null });
    expect(pushProblemWords({ kind: 'serverFailed', error: forbidden }, en)).toBe(en.errorRefused);
  });

  it('should invite to answer a question that was closed', () => {
    expect(pushProblemWords({ kind: 'dismissed' }, fr)).toBe(fr.pushDismissed);
  });
});

describe('testOutcomeWords', () => {
  it("should count the devices that took the test: the doctor's phone and tablet", () => {
    expect(testOutcomeWords({ delivered: 2, removed: 0, failed: 0 }, fr)).toBe('Notification envoyée à 2 appareils\u00a0: elle arrive dans un instant.');
    expect(testOutcomeWords({ delivered: 1, removed: 0, failed: 0 }, en)).toBe('Notification sent to 1 device: it will show up in a moment.');
  });

  it('should say which devices were dropped or could not be reached', () => {
    expect(testOutcomeWords({ delivered: 1, removed: 1, failed: 2 }, fr)).toBe(
      'Notification envoyée à 1 appareil\u00a0: elle arrive dans un instant. 1 appareil qui ne les acceptait plus a été retiré. 2 appareils n’ont pas pu être joints.',
    );
  });

  it('should say what to do when no device received it', () => {
    expect(testOutcomeWords({ delivered: 0, removed: 0, failed: 1 }, en)).toBe(
      'No device received the notification. Turn notifications off and on again on this device. 1 device could not be reached.',
    );
  });
});
