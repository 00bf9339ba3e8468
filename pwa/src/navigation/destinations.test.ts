import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { destinationsFor, homePath } from './destinations';

describe('destinationsFor', () => {
  it("should give a clinic member their clinic's screens, the service health, their account and their settings", () => {
    expect(destinationsFor('member').map((destination) => destination.label(fr))).toEqual([
      'Aujourd’hui',
      'Historique',
      'État du service',
      'Mon compte',
      'Réglages',
    ]);
  });

  it('should never offer the administration or the audit log to a clinic member', () => {
    const hrefs = destinationsFor('member').map((destination) => destination.href);
    expect(hrefs.some((href) => href.startsWith('/admin'))).toBe(false);
  });

  it('should give the super admin the administration besides the clinic screens', () => {
    expect(destinationsFor('super_admin').map((destination) => destination.label(en))).toEqual([
      'Administration',
      'Today',
      'History',
      'Service health',
      'My account',
      'Settings',
    ]);
  });

  it('should keep at most five tabs on a phone', () => {
    for (const role of ['member', 'super_admin'] as const) {
      expect(destinationsFor(role).filter((destination) => destination.phoneTab).length).toBeLessThanOrEqual(5);
    }
  });

  it('should keep the settings out of the phone tab bar, which the account screen links them from', () => {
    const tabs = (role: 'member' | 'super_admin') => destinationsFor(role).filter((destination) => destination.phoneTab).map((destination) => destination.id);
    expect(tabs('member')).toEqual(['today', 'history', 'health', 'account']);
    expect(tabs('super_admin')).toEqual(['admin', 'today', 'history', 'health', 'account']);
  });
});

describe('homePath', () => {
  it('should open Today for a clinic member and the administration for the super admin', () => {
    expect(homePath('member')).toBe('/today');
    expect(homePath('super_admin')).toBe('/admin');
  });
});
