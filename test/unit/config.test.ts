import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';

const STRONG_SECRET = 'k7Qz-Vb2m!Xr9pLw#Ty4nHs8dJc3FgA6eUo1iRa5Wq0';
const DATABASE_URL = 'postgres://portaal:geheim@db.example:5432/loopbaanportaal';
const SMTP_URL = 'smtp://portaal:geheim@mail.example:587';
const MAIL_FROM = 'Loopbaanportaal <noreply@example.be>';
const PUBLIC_URL = 'https://loopbaanportaal.example.be';
const MFA_ENCRYPTION_KEY = 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=';
const WEBHOOK_SECRET_KEY = 'webhook-sleutel-uit-de-kluis-Z7q9RkP2mX4vB8nL3wT6';
const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL, SESSION_SECRET: STRONG_SECRET, SMTP_URL, MAIL_FROM, PUBLIC_URL, MFA_ENCRYPTION_KEY, WEBHOOK_SECRET_KEY } as const;

/** Asserts a ConfigError whose message is one line and names the variable. */
function assertConfigError(env: Record<string, string>, variable: string): void {
  assert.throws(
    () => loadConfig(env),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError, 'a ConfigError');
      assert.ok(error.message.includes(variable), `message names ${variable}: ${error.message}`);
      assert.doesNotMatch(error.message, /\n/, 'one line');
      return true;
    },
  );
}

describe('config', () => {
  describe('defaults', () => {
    it('config defaults: development, port 3000, ./data, PGlite, demo data seeded', () => {
      const config = loadConfig({});
      assert.equal(config.env, 'development');
      assert.equal(config.port, 3000);
      assert.equal(config.host, '127.0.0.1');
      assert.equal(config.dataDir, path.resolve('data'));
      assert.equal(config.dataDir, path.join(process.cwd(), 'data'));
      assert.equal(config.databaseUrl, undefined);
      assert.equal(config.seedDemoData, true);
      assert.equal(config.trustProxy, false);
      assert.ok(config.sessionSecret.length >= 32);
    });

    it('config empty values count as absent', () => {
      const config = loadConfig({ PORT: '', DATABASE_URL: '  ', DATA_DIR: '', NODE_ENV: '' });
      assert.equal(config.port, 3000);
      assert.equal(config.databaseUrl, undefined);
      assert.equal(config.dataDir, path.resolve('data'));
      assert.equal(config.env, 'development');
    });

    it('config is frozen', () => {
      assert.ok(Object.isFrozen(loadConfig({})));
    });

    it('config in test is silent and seeds demo data unless told otherwise', () => {
      const config = loadConfig({ NODE_ENV: 'test' });
      assert.equal(config.env, 'test');
      assert.equal(config.logLevel, 'silent');
      assert.equal(loadConfig({ NODE_ENV: 'test', SEED_DEMO_DATA: 'false' }).seedDemoData, false);
    });
  });

  describe('overrides', () => {
    it('config PORT override', () => {
      assert.equal(loadConfig({ PORT: '8080' }).port, 8080);
      assert.equal(loadConfig({ PORT: ' 8081 ' }).port, 8081);
      assert.equal(loadConfig({ PORT: '0' }).port, 0);
      assert.equal(loadConfig({ PORT: '65535' }).port, 65535);
    });

    it('config invalid PORT ("abc", "70000", "-1", "80.5") throws a ConfigError naming PORT', () => {
      for (const port of ['abc', '70000', '-1', '80.5', '65536']) {
        assertConfigError({ PORT: port }, 'PORT');
      }
    });

    it('config DATA_DIR override is resolved to an absolute path', () => {
      assert.equal(loadConfig({ DATA_DIR: '/var/lib/portaal' }).dataDir, '/var/lib/portaal');
      assert.equal(loadConfig({ DATA_DIR: 'tmp/db' }).dataDir, path.resolve('tmp/db'));
    });

    it('config DATABASE_URL with postgres:// or postgresql:// is used instead of PGlite', () => {
      assert.equal(loadConfig({ DATABASE_URL }).databaseUrl, DATABASE_URL);
      const alternative = 'postgresql://localhost/loopbaanportaal';
      assert.equal(loadConfig({ DATABASE_URL: alternative }).databaseUrl, alternative);
    });

    it('config a non-postgres DATABASE_URL throws a ConfigError naming DATABASE_URL', () => {
      assertConfigError({ DATABASE_URL: 'mysql://localhost/portaal' }, 'DATABASE_URL');
      assertConfigError({ DATABASE_URL: 'localhost:5432' }, 'DATABASE_URL');
      assertConfigError({ ...PRODUCTION, DATABASE_URL: 'sqlite:///data/portaal.db' }, 'DATABASE_URL');
    });

    it('config invalid NODE_ENV throws a ConfigError naming NODE_ENV', () => {
      assertConfigError({ NODE_ENV: 'staging' }, 'NODE_ENV');
      assertConfigError({ NODE_ENV: 'Production' }, 'NODE_ENV');
    });

    it('config a SEED_DEMO_DATA that is no yes/no value throws', () => {
      assertConfigError({ SEED_DEMO_DATA: 'misschien' }, 'SEED_DEMO_DATA');
    });

    it('config a short SESSION_SECRET throws even in development', () => {
      assertConfigError({ SESSION_SECRET: 'kort' }, 'SESSION_SECRET');
    });
  });

  describe('production', () => {
    it('config a valid production config: PostgreSQL, the given secret, no demo data', () => {
      const config = loadConfig(PRODUCTION);
      assert.equal(config.env, 'production');
      assert.equal(config.databaseUrl, DATABASE_URL);
      assert.equal(config.sessionSecret, STRONG_SECRET);
      assert.equal(config.seedDemoData, false);
      assert.equal(config.host, '0.0.0.0');
      assert.equal(config.logLevel, 'info');
    });

    it('config production accepts SEED_DEMO_DATA=false explicitly', () => {
      assert.equal(loadConfig({ ...PRODUCTION, SEED_DEMO_DATA: 'false' }).seedDemoData, false);
    });

    it('config production without DATABASE_URL throws a one-line ConfigError naming DATABASE_URL', () => {
      assertConfigError({ NODE_ENV: 'production', SESSION_SECRET: STRONG_SECRET }, 'DATABASE_URL');
      assertConfigError({ NODE_ENV: 'production' }, 'DATABASE_URL');
    });

    it('config production without SESSION_SECRET throws a one-line ConfigError naming SESSION_SECRET', () => {
      assertConfigError({ NODE_ENV: 'production', DATABASE_URL }, 'SESSION_SECRET');
    });

    it('config production with a weak SESSION_SECRET ("a" × 40) throws', () => {
      assertConfigError({ ...PRODUCTION, SESSION_SECRET: 'a'.repeat(40) }, 'SESSION_SECRET');
    });

    it('config production with the development default SESSION_SECRET throws', () => {
      const developmentDefault = loadConfig({}).sessionSecret;
      assertConfigError({ ...PRODUCTION, SESSION_SECRET: developmentDefault }, 'SESSION_SECRET');
    });

    it('config production without SMTP_URL or MAIL_FROM throws a one-line ConfigError naming it', () => {
      assertConfigError({ ...PRODUCTION, SMTP_URL: '' }, 'SMTP_URL');
      assertConfigError({ ...PRODUCTION, MAIL_FROM: ' ' }, 'MAIL_FROM');
    });

    it('config SMTP_URL must be an smtp:// or smtps:// address; without it mail goes to files (development)', () => {
      assertConfigError({ SMTP_URL: 'http://mail.example' }, 'SMTP_URL');
      assert.equal(loadConfig({ SMTP_URL: 'smtps://mail.example:465' }).smtpUrl, 'smtps://mail.example:465');
      assert.equal(loadConfig({}).smtpUrl, undefined);
      assert.match(loadConfig({}).mailFrom, /Loopbaanportaal/);
      assert.equal(loadConfig(PRODUCTION).mailFrom, MAIL_FROM);
    });

    it('config production without PUBLIC_URL throws (the links in mail need it); elsewhere it defaults to localhost on the port', () => {
      assertConfigError({ ...PRODUCTION, PUBLIC_URL: '' }, 'PUBLIC_URL');
      assertConfigError({ PUBLIC_URL: 'loopbaanportaal.example.be' }, 'PUBLIC_URL');
      assert.equal(loadConfig(PRODUCTION).publicUrl, PUBLIC_URL);
      assert.equal(loadConfig({ PUBLIC_URL: 'https://portaal.example.be/' }).publicUrl, 'https://portaal.example.be');
      assert.equal(loadConfig({}).publicUrl, 'http://localhost:3000');
      assert.equal(loadConfig({ PORT: '8080' }).publicUrl, 'http://localhost:8080');
    });

    it('ASVS 6.5 config production without MFA_ENCRYPTION_KEY, with one that is not 32 bytes, or with the development key throws', () => {
      assertConfigError({ ...PRODUCTION, MFA_ENCRYPTION_KEY: '' }, 'MFA_ENCRYPTION_KEY');
      assertConfigError({ ...PRODUCTION, MFA_ENCRYPTION_KEY: Buffer.alloc(16, 7).toString('base64') }, 'MFA_ENCRYPTION_KEY');
      assertConfigError({ ...PRODUCTION, MFA_ENCRYPTION_KEY: loadConfig({}).mfaEncryptionKey }, 'MFA_ENCRYPTION_KEY');
      assert.equal(loadConfig(PRODUCTION).mfaEncryptionKey, MFA_ENCRYPTION_KEY);
      assert.equal(Buffer.from(loadConfig({}).mfaEncryptionKey, 'base64').length, 32, 'a development key of 32 bytes');
    });

    it('ASVS 6.3.3 config MFA_REQUIRED defaults to true in production and false elsewhere', () => {
      assert.equal(loadConfig(PRODUCTION).mfaRequired, true);
      assert.equal(loadConfig({}).mfaRequired, false);
      assert.equal(loadConfig({ NODE_ENV: 'test' }).mfaRequired, false);
      assert.equal(loadConfig({ MFA_REQUIRED: 'true' }).mfaRequired, true);
      assert.equal(loadConfig({ ...PRODUCTION, MFA_REQUIRED: 'false' }).mfaRequired, false);
      assertConfigError({ MFA_REQUIRED: 'misschien' }, 'MFA_REQUIRED');
    });

    it('W5 config production without a strong WEBHOOK_SECRET_KEY throws; WEBHOOK_ALLOW_LOCAL is refused there and off by default', () => {
      assertConfigError({ ...PRODUCTION, WEBHOOK_SECRET_KEY: '' }, 'WEBHOOK_SECRET_KEY');
      assertConfigError({ ...PRODUCTION, WEBHOOK_SECRET_KEY: 'kort' }, 'WEBHOOK_SECRET_KEY');
      assertConfigError({ ...PRODUCTION, WEBHOOK_ALLOW_LOCAL: 'true' }, 'WEBHOOK_ALLOW_LOCAL');
      assert.equal(loadConfig(PRODUCTION).webhookSecretKey, WEBHOOK_SECRET_KEY);
      assert.equal(loadConfig(PRODUCTION).webhookAllowLocal, false);
      assert.equal(loadConfig({}).webhookAllowLocal, false);
      assert.equal(loadConfig({ WEBHOOK_ALLOW_LOCAL: 'true' }).webhookAllowLocal, true);
    });

    it('config SEED_DEMO_DATA=true in production throws', () => {
      for (const value of ['true', 'TRUE', '1', 'ja']) {
        assertConfigError({ ...PRODUCTION, SEED_DEMO_DATA: value }, 'SEED_DEMO_DATA');
      }
    });
  });

  describe('issue 14: object storage, orphans, shutdown, instance', () => {
    it('config issue 14: without S3_BUCKET the folder; with it the bucket, the endpoint (trailing slash dropped) and the region', () => {
      const plain = loadConfig({});
      assert.equal(plain.s3, undefined);
      assert.equal(plain.orphanGraceHours, 24);
      assert.equal(plain.shutdownDeadlineSeconds, 25);
      assert.match(plain.instanceId, new RegExp(`-${String(process.pid)}$`));
      assert.deepEqual(loadConfig({ S3_BUCKET: 'documenten', S3_ENDPOINT: 'http://minio:9000/', S3_REGION: 'eu-west-1' }).s3, { bucket: 'documenten', endpoint: 'http://minio:9000', region: 'eu-west-1' });
      assert.deepEqual(loadConfig({ S3_BUCKET: 'documenten', AWS_REGION: 'eu-central-1' }).s3, { bucket: 'documenten', endpoint: undefined, region: 'eu-central-1' });
      const set = loadConfig({ ORPHAN_GRACE_HOURS: '48', SHUTDOWN_DEADLINE_SECONDS: '60', INSTANCE_ID: 'portaal-b' });
      assert.deepEqual([set.orphanGraceHours, set.shutdownDeadlineSeconds, set.instanceId], [48, 60, 'portaal-b']);
    });

    it('config issue 14: a bad bucket name, endpoint, number or instance id stops the start with one line naming it', () => {
      assertConfigError({ S3_BUCKET: 'Mijn_Bucket' }, 'S3_BUCKET');
      assertConfigError({ S3_BUCKET: 'documenten', S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT');
      assertConfigError({ S3_ENDPOINT: 'http://minio:9000' }, 'S3_ENDPOINT');
      assertConfigError({ ORPHAN_GRACE_HOURS: '0' }, 'ORPHAN_GRACE_HOURS');
      assertConfigError({ SHUTDOWN_DEADLINE_SECONDS: 'lang' }, 'SHUTDOWN_DEADLINE_SECONDS');
      assertConfigError({ INSTANCE_ID: 'a b\r\nSet-Cookie: x' }, 'INSTANCE_ID');
    });

    it('config: a duration may be a fraction above zero, a count or size of the upload quota only a whole number above zero', () => {
      const set = loadConfig({ ORPHAN_GRACE_HOURS: '0.5', SHUTDOWN_DEADLINE_SECONDS: '2.5', UPLOAD_QUOTA_PER_DAY: '3', UPLOAD_QUOTA_BYTES_PER_DAY: '1048576' });
      assert.deepEqual([set.orphanGraceHours, set.shutdownDeadlineSeconds, set.uploadQuota.uploadsPerDay, set.uploadQuota.bytesPerDay], [0.5, 2.5, 3, 1048576]);
      assert.deepEqual(loadConfig({}).uploadQuota, { uploadsPerDay: 200, bytesPerDay: 1024 ** 3 });
      for (const bad of ['0', '1.5', '-2', 'veel', '9007199254740993']) assertConfigError({ UPLOAD_QUOTA_PER_DAY: bad }, 'UPLOAD_QUOTA_PER_DAY');
      assertConfigError({ UPLOAD_QUOTA_BYTES_PER_DAY: '0' }, 'UPLOAD_QUOTA_BYTES_PER_DAY');
      for (const bad of ['0', '0.0', '-1', '1e3']) assertConfigError({ ORPHAN_GRACE_HOURS: bad }, 'ORPHAN_GRACE_HOURS');
    });
  });
});
