import { describe, expect, it } from 'vitest';
import { issueDeviceProof, knownDeviceOf } from './known-device.ts';
import { keyedHash } from './secrets.ts';

const KEY = 'test-ip-hash-key';
const EMAIL = 'dr.bensalah@cabinet.tn';

describe("a browser's proof that it signed in to an account before", () => {
  it('should be recognised for the account it was issued for, answering its device id', async () => {
    const proof = await issueDeviceProof(KEY, EMAIL);
    const [deviceId] = proof.split('.');
    expect(deviceId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await knownDeviceOf(KEY, EMAIL, proof)).toBe(deviceId);
  });

  it('should prove nothing for another account, under another key, or once tampered with', async () => {
    const proof = await issueDeviceProof(KEY, EMAIL);
    const [deviceId = '', hash = ''] = proof.split('.');
    expect(await knownDeviceOf(KEY, 'accueil@cabinet.tn', proof)).toBeNull();
    expect(await knownDeviceOf('another-deployment-key', EMAIL, proof)).toBeNull();
    expect(await knownDeviceOf(KEY, EMAIL, `${deviceId}x.${hash}`)).toBeNull();
    const flipped = hash.endsWith('0') ? '1' : '0';
    expect(await knownDeviceOf(KEY, EMAIL, `${deviceId}.${hash.slice(0, -1)}${flipped}`)).toBeNull();
  });

  it('should prove nothing without a well-formed cookie', async () => {
    const proof = await issueDeviceProof(KEY, EMAIL);
    expect(await knownDeviceOf(KEY, EMAIL, undefined)).toBeNull();
    expect(await knownDeviceOf(KEY, EMAIL, '')).toBeNull();
    expect(await knownDeviceOf(KEY, EMAIL, `${proof}.extra`)).toBeNull();
    expect(await knownDeviceOf(KEY, EMAIL, proof.split('.')[0])).toBeNull();
  });

  it('should refuse a device id longer than 64 characters, even with a matching hash', async () => {
    const longId = 'd'.repeat(65);
    const forged = `${longId}.${await keyedHash(KEY, `known-device:${EMAIL}:${longId}`)}`;
    expect(await knownDeviceOf(KEY, EMAIL, forged)).toBeNull();
    const id64 = 'd'.repeat(64);
    expect(await knownDeviceOf(KEY, EMAIL, `${id64}.${await keyedHash(KEY, `known-device:${EMAIL}:${id64}`)}`)).toBe(id64);
  });
});
