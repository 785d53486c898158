import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface IssuedCert {
  readonly cert: string;
  readonly key: string;
  readonly certFile: string;
  readonly keyFile: string;
}

/** A throwaway certificate authority, made with the openssl CLI. */
export interface TestCa {
  readonly dir: string;
  readonly caCert: string;
  readonly caFile: string;
  /**
   * Issues a certificate for `subject` (such as `/CN=proj:inst`), with an IP
   * subject alternative name when given, over `publicKey` instead of a fresh
   * key when given (as the Cloud SQL Admin API signs the connector's key).
   */
  issue(
    name: string,
    subject: string,
    options?: { ipSan?: string; publicKey?: string },
  ): IssuedCert;
}

export function createTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'msp-test-ca-'));
  const openssl = (args: string): void => {
    execFileSync('openssl', args.split(' '), { cwd: dir, stdio: 'ignore' });
  };
  const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
  openssl(
    'req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=msp_test_CA',
  );
  return {
    dir,
    caCert: read('ca.pem'),
    caFile: join(dir, 'ca.pem'),
    issue(name, subject, options = {}) {
      openssl(`req -newkey rsa:2048 -nodes -keyout ${name}.key -out ${name}.csr -subj ${subject}`);
      let extra = '';
      if (options.ipSan !== undefined) {
        writeFileSync(join(dir, `${name}.ext`), `subjectAltName=IP:${options.ipSan}\n`);
        extra += `-extfile ${name}.ext `;
      }
      if (options.publicKey !== undefined) {
        writeFileSync(join(dir, `${name}.pub`), options.publicKey);
        extra += `-force_pubkey ${name}.pub `;
      }
      openssl(
        `x509 -req -in ${name}.csr ${extra}-CA ca.pem -CAkey ca.key -CAcreateserial -out ${name}.pem -days 2`,
      );
      return {
        cert: read(`${name}.pem`),
        key: read(`${name}.key`),
        certFile: join(dir, `${name}.pem`),
        keyFile: join(dir, `${name}.key`),
      };
    },
  };
}
