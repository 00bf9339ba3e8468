import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CLINIC_ROLES, LOCALES, USER_ROLES } from '../../worker/domain/vocabulary.ts';
import { clinics } from './clinics.ts';

/**
 * A person who signs in. The password hash keeps its own parameters (algorithm, iterations,
 * salt) so the work factor can be raised later without invalidating existing accounts.
 */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  /** Stored lower-cased; unique so one login maps to one person. */
  email: text('email').notNull().unique(),
  role: text('role', { enum: USER_ROLES }).notNull(),
  locale: text('locale', { enum: LOCALES }).notNull().default('fr'),
  passwordAlgorithm: text('password_algorithm'),
  passwordIterations: integer('password_iterations'),
  passwordSalt: text('password_salt'),
  passwordHash: text('password_hash'),
  passwordChangedAt: integer('password_changed_at'),
  createdAt: integer('created_at').notNull(),
  disabledAt: integer('disabled_at'),
  /**
   * Quiet hours, `HH:MM` wall-clock times in the zone of the clinic an alert is about (the
   * service's zone for service alerts); both null: none. `from` after `to` spans midnight.
   */
  quietFrom: text('quiet_from'),
  quietTo: text('quiet_to'),
});

/** Which clinics a (non super admin) user may see, and as what. */
export const memberships = sqliteTable(
  'memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    role: text('role', { enum: CLINIC_ROLES }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.clinicId] }),
    // Clinic owners to notify and staff lists: members of one clinic.
    index('memberships_clinic_idx').on(table.clinicId, table.role),
  ],
);

/** A signed-in session; the token itself is never stored, only its SHA-256. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
    ipHash: text('ip_hash'),
  },
  (table) => [
    // Revoking every session of a user (logout everywhere, password change, disabling).
    index('sessions_user_idx').on(table.userId),
  ],
);

/**
 * The clinics whose live queue a session opened a WebSocket on: when the session ends, exactly
 * those clinics' objects are told to close its sockets (no fan-out to every clinic for the super
 * admin). Written once per session and clinic.
 */
export const sessionSockets = sqliteTable(
  'session_sockets',
  {
    tokenHash: text('token_hash')
      .notNull()
      .references(() => sessions.tokenHash, { onDelete: 'cascade' }),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    openedAt: integer('opened_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tokenHash, table.clinicId] })],
);

/**
 * A one-time setup link: lets an invited person (or one whose password is reset) choose a
 * password. Only the token's SHA-256 is stored; `usedAt` makes it single use.
 */
export const setupTokens = sqliteTable(
  'setup_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdBy: text('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (table) => [
    // A new invitation supersedes the person's earlier unused links.
    index('setup_tokens_user_idx').on(table.userId),
  ],
);

/**
 * Failed logins, keyed by the keyed hash of the e-mail or of the IP address. Kept in the database
 * so every isolate sees the same count (login throttling); pruned past the window.
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    keyHash: text('key_hash').notNull(),
    at: integer('at').notNull(),
  },
  (table) => [
    // Throttling: failures of one key within the last 15 minutes.
    index('login_failures_key_at_idx').on(table.keyHash, table.at),
    // Pruning old rows.
    index('login_failures_at_idx').on(table.at),
  ],
);
