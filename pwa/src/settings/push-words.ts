/** The settings screen's push outcomes in words, in the current language. */
import type { TestOutcome } from '../api/push';
import type { Messages } from '../i18n/fr';
import { describeRequestError } from '../i18n/request-errors';
import type { PushProblem } from './push-enrolment';

/** Why turning notifications on or off did not go through, and what to do about it. */
export function pushProblemWords(problem: PushProblem, messages: Messages): string {
  switch (problem.kind) {
    case 'dismissed':
      return messages.pushDismissed;
    case 'noAnswer':
      return messages.pushNoAnswer[problem.step];
    case 'browserFailed':
      return messages.pushBrowserFailed[problem.step];
    case 'serverFailed':
      return describeRequestError(problem.error, 'read', messages);
  }
}

/** How many devices the test notification reached; a device that was not is worth a word too. */
export function testOutcomeWords(outcome: TestOutcome, messages: Messages): string {
  return [
    outcome.delivered > 0 ? messages.pushTestSent(outcome.delivered) : messages.pushTestNone,
    outcome.removed > 0 ? messages.pushTestRemoved(outcome.removed) : null,
    outcome.failed > 0 ? messages.pushTestFailed(outcome.failed) : null,
  ]
    .filter((sentence) => sentence !== null)
    .join(' ');
}
