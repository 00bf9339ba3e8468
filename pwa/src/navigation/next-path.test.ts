import { describe, expect, it } from 'vitest';
import { loginPath, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('should return to the in-app screen the user was sent away from', () => {
    expect(safeNextPath('/history')).toBe('/history');
    expect(safeNextPath('/admin/audit?action=login')).toBe('/admin/audit?action=login');
  });

  it('should refuse anything that leaves the app', () => {
    for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '', null, undefined]) {
      expect(safeNextPath(next)).toBe('/');
    }
  });

  it('should not come back to the login or setup screens', () => {
    expect(safeNextPath('/login?next=/today')).toBe('/');
    expect(safeNextPath('/setup#token')).toBe('/');
  });
});

describe('loginPath', () => {
  it('should carry the screen to come back to, unless it is home', () => {
    expect(loginPath('/history')).toBe('/login?next=%2Fhistory');
    expect(loginPath('/')).toBe('/login');
  });
});
