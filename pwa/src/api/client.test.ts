import { describe, expect, it } from 'vitest';
import { readApiResponse } from './client';
import { ApiError, ServerUnreachableError, UnexpectedAnswerError } from './errors';

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function refusal(code: string, message: string, details: Record<string, unknown> = {}) {
  return { error: { code, message, details } };
}

describe('readApiResponse', () => {
  it('should hand over the JSON of a 200 as it came, for the caller to check', async () => {
    await expect(readApiResponse(json({ email: 'doctor@pulse.local' }, 200))).resolves.toEqual({ email: 'doctor@pulse.local' });
  });

  it('should read 204 No Content as null', async () => {
    await expect(readApiResponse(new Response(null, { status: 204 }))).resolves.toBeNull();
  });

  it("should turn Pulse's error shape into an ApiError with its code, status and details", async () => {
    const error = await readApiResponse(json(refusal('UNAUTHORIZED', 'E-mail or password is incorrect'), 401)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED', message: 'E-mail or password is incorrect', retryAfterSeconds: null });
  });

  it('should take the wait of a throttled login from the details, else from Retry-After', async () => {
    const fromDetails = await readApiResponse(
      json(refusal('RATE_LIMITED', 'Too many attempts', { retryAfterSeconds: 840 }), 429, { 'retry-after': '900' }),
    ).catch((e: unknown) => e);
    expect(fromDetails).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 840 });

    const fromHeader = await readApiResponse(json(refusal('RATE_LIMITED', 'Too many attempts'), 429, { 'retry-after': '120' })).catch(
      (e: unknown) => e,
    );
    expect(fromHeader).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 120 });
  });

  it('should keep the validation issues for the screen to word', async () => {
    const issues = [{ path: 'email', message: 'Invalid email' }];
    const error = await readApiResponse(json(refusal('VALIDATION_FAILED', 'The request is not valid', { issues }), 400)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues } });
  });

  it('should treat edge error pages in front of a stopped worker as an unreachable server', async () => {
    const page = new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } });
    await expect(readApiResponse(page)).rejects.toThrow(ServerUnreachableError);
  });

  it('should report a broken contract for a 200 without JSON and for an error outside the shape', async () => {
    const shell = new Response('<!doctype html><html lang="fr">', { status: 200, headers: { 'content-type': 'text/html' } });
    await expect(readApiResponse(shell)).rejects.toThrow(UnexpectedAnswerError);
    await expect(readApiResponse(json({ message: 'nope' }, 403))).rejects.toThrow(UnexpectedAnswerError);
    await expect(readApiResponse(json(refusal('TEAPOT', 'unknown code'), 418))).rejects.toThrow(UnexpectedAnswerError);
  });
});
