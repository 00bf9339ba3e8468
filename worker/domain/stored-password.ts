/** The one password algorithm Pulse stores (worker/auth/password.ts derives it). */
export const PASSWORD_ALGORITHM = 'pbkdf2-sha256';

/** A password as stored: base64 salt and hash plus the parameters that produced them. */
export interface StoredPassword {
  algorithm: typeof PASSWORD_ALGORITHM;
  iterations: number;
  salt: string;
  hash: string;
}

/** What a `users` row holds: any column may be null for a user who has not chosen a password. */
export interface StoredPasswordColumns {
  algorithm: string | null;
  iterations: number | null;
  salt: string | null;
  hash: string | null;
}

/** Turns a chosen password into its stored form; the seed gets it passed in, so db/ never reaches into worker/auth. */
export type PasswordHasher = (password: string) => Promise<StoredPassword>;
