/**
 * Polls `url` until it answers with an acceptable status, or fails after `timeoutMs`.
 * `exited` aborts the wait early when the process that should answer has died.
 */
export async function waitForHttp(
  url: string,
  options: { timeoutMs: number; exited?: Promise<number>; accept?: (status: number, body: string) => boolean },
): Promise<void> {
  const accept = options.accept ?? ((status: number) => status === 200);
  const deadline = Date.now() + options.timeoutMs;
  let died: number | undefined;
  void options.exited?.then((code) => (died = code));
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (died !== undefined) throw new Error(`${url}: the process exited with code ${died} before answering`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      const body = options.accept === undefined ? (await response.body?.cancel(), '') : await response.text();
      if (accept(response.status, body)) return;
      lastProblem = `status ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} did not answer within ${options.timeoutMs} ms (${lastProblem})`);
}
