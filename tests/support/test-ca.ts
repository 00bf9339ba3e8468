import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A certificate authority that exists for one test run, so HTTPS servers of the tests (the push
 * receiver) are trusted by workerd exactly as a real push service's certificate is: through the
 * CA list of its "internet" service. Synchronous on purpose: vitest.config.ts runs it before
 * miniflare loads and reads NODE_EXTRA_CA_CERTS.
 */
export interface TestCa {
  dir: string;
  certPath: string;
  keyPath: string;
}

const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });

/**
 * The run's CA: made once per process. vitest evaluates its config more than once, and miniflare
 * keeps the CA it read first, so a second CA would sign certificates workerd refuses.
 */
export function createTestCa(): TestCa {
  const existing = process.env.PULSE_TEST_CA_DIR;
  if (existing !== undefined && existsSync(join(existing, 'ca.key'))) {
    return { dir: existing, certPath: join(existing, 'ca.pem'), keyPath: join(existing, 'ca.key') };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pulse-test-ca-'));
  const certPath = join(dir, 'ca.pem');
  const keyPath = join(dir, 'ca.key');
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2', '-subj', '/CN=Pulse test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-keyout', keyPath, '-out', certPath]);
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return { dir, certPath, keyPath };
}

/**
 * Points NODE_EXTRA_CA_CERTS at a bundle of the test CA and any CA already configured there, and
 * names the CA's folder in PULSE_TEST_CA_DIR for the global setups that issue server certificates.
 */
export function trustTestCa(ca: TestCa): void {
  const bundlePath = join(ca.dir, 'bundle.pem');
  if (process.env.NODE_EXTRA_CA_CERTS === bundlePath) return;
  const previous = process.env.NODE_EXTRA_CA_CERTS;
  writeFileSync(bundlePath, `${previous === undefined ? '' : readFileSync(previous, 'utf8')}\n${readFileSync(ca.certPath, 'utf8')}`);
  process.env.NODE_EXTRA_CA_CERTS = bundlePath;
  process.env.PULSE_TEST_CA_DIR = ca.dir;
}

/** A certificate for 127.0.0.1 and localhost, signed by the run's CA (found through PULSE_TEST_CA_DIR). */
export function issueLocalCertificate(): { cert: string; key: string } {
  const dir = process.env.PULSE_TEST_CA_DIR;
  if (dir === undefined) throw new Error('PULSE_TEST_CA_DIR is not set: vitest.config.ts creates the test CA');
  const work = mkdtempSync(join(dir, 'server-'));
  const keyPath = join(work, 'server.key');
  const csrPath = join(work, 'server.csr');
  const certPath = join(work, 'server.pem');
  const extPath = join(work, 'ext.cnf');
  writeFileSync(extPath, 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n');
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=localhost', '-keyout', keyPath, '-out', csrPath]);
  openssl(['x509', '-req', '-in', csrPath, '-CA', join(dir, 'ca.pem'), '-CAkey', join(dir, 'ca.key'), '-CAcreateserial', '-days', '1', '-extfile', extPath, '-out', certPath]);
  return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
}
