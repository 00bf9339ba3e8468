import { describe, expect, it } from 'vitest';
import { auditActionName } from './audit-actions';
import { en } from './en';
import { fr } from './fr';

describe('auditActionName', () => {
  it('should name known actions in the reader’s language', () => {
    expect(auditActionName('password_change', fr)).toBe('Changement de mot de passe');
    expect(auditActionName('password_change', en)).toBe('Password change');
  });

  it('should keep the code of an action added after this table, and never read the prototype', () => {
    expect(auditActionName('export_pdf', fr)).toBe('export_pdf');
    expect(auditActionName('constructor', fr)).toBe('constructor');
  });
});
