/**
 * Reads `read()` until `done` holds or `timeoutMs` passes, and returns the last reading either way:
 * the test then asserts on it, so a wrong value fails with the value, not with a timeout.
 * For what arrives asynchronously by design (metrics flushed after the answer, scrapes).
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
