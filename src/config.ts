/**
 * Configuration: read from the environment once, validated at start-up.
 * `requiredInProduction` values have a local default but stop a production start when missing.
 */
import { hostname } from 'node:os';
import path from 'node:path';

export type Config = Readonly<{
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** Folder for the embedded database (PGlite) and the document blobs (`blobs/`). */
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database in dataDir is used. */
  databaseUrl: string | undefined;
  sessionSecret: string;
  /** Seed demo data into an empty database (never in production). */
  seedDemoData: boolean;
  logLevel: string;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* from it. */
  trustProxy: boolean;
  /** SMTP server for outgoing mail (`smtp://user:pass@host:587`); without it mail is written to `DATA_DIR/mail`. */
  smtpUrl: string | undefined;
  /** Sender of the portal's mail. */
  mailFrom: string;
  /** Where users reach the portal (`https://portaal.example.be`, no trailing slash): the base of the links in mail. */
  publicUrl: string;
  /** AES-256 key (32 bytes, base64) that encrypts the TOTP secrets at rest (ASVS 6.5; required in production). */
  mfaEncryptionKey: string;
  /** Every account must have a second factor: enrolment right after the password (default only in production). */
  mfaRequired: boolean;
  /** Issue 17: requests per minute one API token may make (`API_RATE_LIMIT`, default 600). */
  apiRateLimitPerMinute: number;
  /** Key material (at least 32 characters) for the encryption of webhook secrets at rest (issue 17). */
  webhookSecretKey: string;
  /** Webhook URLs may be http:// and point at loopback or private addresses: for tests and development only, refused in production. */
  webhookAllowLocal: boolean;
  /** S3-compatible object storage for the document blobs (`S3_BUCKET`); without it the folder `DATA_DIR/blobs`. */
  s3: S3Config | undefined;
  /** An unreferenced blob is removed by the orphan job only after this long (`ORPHAN_GRACE_HOURS`, 24). */
  orphanGraceHours: number;
  /** On SIGTERM, how long requests in flight may take to finish (`SHUTDOWN_DEADLINE_SECONDS`, 25). */
  shutdownDeadlineSeconds: number;
  /** This instance's name in the `X-Instance-Id` header and the logs (`INSTANCE_ID`, default host-pid). */
  instanceId: string;
  /** ASVS 5.2.1: what one user may upload per calendar day in Brussels (documents and attest scans together). */
  uploadQuota: Readonly<{ uploadsPerDay: number; bytesPerDay: number }>;
}>;

export type S3Config = Readonly<{
  bucket: string;
  /** For MinIO, Ceph and the like (path-style addressing); absent for AWS S3. */
  endpoint: string | undefined;
  region: string;
}>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEVELOPMENT_SESSION_SECRET = 'development-only-secret-not-for-production-use!!';
const MIN_SECRET_LENGTH = 32;
/** Development and tests only: a production start refuses it. */
export const DEVELOPMENT_MFA_KEY = 'bG9vcGJhYW5wb3J0YWFsLW9udHdpa2tlbHNsZXV0ZWw=';
/** Development and tests only: a production start refuses it. */
export const DEVELOPMENT_WEBHOOK_KEY = 'development-only-webhook-key-not-for-production!!';
const DEVELOPMENT_MAIL_FROM = 'Loopbaanportaal <noreply@loopbaanportaal.invalid>';

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = parseNodeEnv(env['NODE_ENV']);
  const production = nodeEnv === 'production';

  const databaseUrl = nonEmpty(env['DATABASE_URL']);
  if (production && databaseUrl === undefined) {
    throw new ConfigError('DATABASE_URL ontbreekt: in productie draait het portaal enkel op PostgreSQL.');
  }
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL moet beginnen met postgres:// of postgresql://.');
  }

  const sessionSecret = nonEmpty(env['SESSION_SECRET']);
  if (production && (sessionSecret === undefined || !isStrongSecret(sessionSecret))) {
    throw new ConfigError(
      `SESSION_SECRET ontbreekt of is te zwak: geef minstens ${MIN_SECRET_LENGTH} willekeurige tekens (bv. openssl rand -base64 48).`,
    );
  }
  if (sessionSecret !== undefined && sessionSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`SESSION_SECRET moet minstens ${MIN_SECRET_LENGTH} tekens lang zijn.`);
  }

  const seedRequested = parseBoolean(env['SEED_DEMO_DATA'], 'SEED_DEMO_DATA', !production);
  if (production && seedRequested) {
    throw new ConfigError('SEED_DEMO_DATA kan niet in productie: demogegevens worden daar nooit geladen.');
  }

  const smtpUrl = nonEmpty(env['SMTP_URL']);
  if (production && smtpUrl === undefined) {
    throw new ConfigError('SMTP_URL ontbreekt: in productie verstuurt het portaal zijn e-mail via een SMTP-server (bv. smtp://gebruiker:wachtwoord@mail.example:587).');
  }
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL moet beginnen met smtp:// of smtps://.');
  }
  const mailFrom = nonEmpty(env['MAIL_FROM']);
  if (production && mailFrom === undefined) {
    throw new ConfigError('MAIL_FROM ontbreekt: geef het afzenderadres van het portaal (bv. "Loopbaanportaal <noreply@example.be>").');
  }

  const publicUrl = nonEmpty(env['PUBLIC_URL']);
  if (production && publicUrl === undefined) {
    throw new ConfigError('PUBLIC_URL ontbreekt: geef het adres waarop gebruikers het portaal bereiken (bv. https://loopbaanportaal.example.be), voor de links in de e-mail.');
  }
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(publicUrl)) {
    throw new ConfigError('PUBLIC_URL moet een adres zijn dat begint met http:// of https://.');
  }
  const port = parsePort(env['PORT']);
  const mfaEncryptionKey = parseMfaKey(nonEmpty(env['MFA_ENCRYPTION_KEY']), production);
  const apiRateLimit = nonEmpty(env['API_RATE_LIMIT']) ?? '600';
  if (!/^[1-9]\d{0,5}$/.test(apiRateLimit)) throw new ConfigError(`API_RATE_LIMIT "${apiRateLimit}" is geen geldig aantal verzoeken per minuut (1-999999).`);

  const webhookSecretKey = nonEmpty(env['WEBHOOK_SECRET_KEY']);
  if (production && (webhookSecretKey === undefined || !isStrongSecret(webhookSecretKey) || webhookSecretKey === DEVELOPMENT_WEBHOOK_KEY)) {
    throw new ConfigError(`WEBHOOK_SECRET_KEY ontbreekt of is te zwak: geef minstens ${MIN_SECRET_LENGTH} willekeurige tekens (bv. openssl rand -base64 48); ermee worden de geheimen van de webhooks versleuteld.`);
  }
  if (webhookSecretKey !== undefined && webhookSecretKey.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`WEBHOOK_SECRET_KEY moet minstens ${MIN_SECRET_LENGTH} tekens lang zijn.`);
  }
  const webhookAllowLocal = parseBoolean(env['WEBHOOK_ALLOW_LOCAL'], 'WEBHOOK_ALLOW_LOCAL', false);
  if (production && webhookAllowLocal) {
    throw new ConfigError('WEBHOOK_ALLOW_LOCAL kan niet in productie: webhooks gaan daar enkel naar https-adressen op het internet.');
  }
  const s3 = parseS3(env);
  const uploadQuota = {
    uploadsPerDay: parsePositive(env['UPLOAD_QUOTA_PER_DAY'], 'UPLOAD_QUOTA_PER_DAY', 200, { whole: true }),
    bytesPerDay: parsePositive(env['UPLOAD_QUOTA_BYTES_PER_DAY'], 'UPLOAD_QUOTA_BYTES_PER_DAY', 1024 * 1024 * 1024, { whole: true }),
  };

  return Object.freeze({
    env: nodeEnv,
    port,
    host: nonEmpty(env['HOST']) ?? (production ? '0.0.0.0' : '127.0.0.1'),
    dataDir: path.resolve(nonEmpty(env['DATA_DIR']) ?? 'data'),
    databaseUrl,
    sessionSecret: sessionSecret ?? DEVELOPMENT_SESSION_SECRET,
    seedDemoData: seedRequested,
    logLevel: nonEmpty(env['LOG_LEVEL']) ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    trustProxy: parseBoolean(env['TRUST_PROXY'], 'TRUST_PROXY', false),
    smtpUrl,
    mailFrom: mailFrom ?? DEVELOPMENT_MAIL_FROM,
    publicUrl: (publicUrl ?? `http://localhost:${String(port)}`).replace(/\/+$/, ''),
    mfaEncryptionKey,
    mfaRequired: parseBoolean(env['MFA_REQUIRED'], 'MFA_REQUIRED', production),
    apiRateLimitPerMinute: Number(apiRateLimit),
    webhookSecretKey: webhookSecretKey ?? DEVELOPMENT_WEBHOOK_KEY,
    webhookAllowLocal,
    s3,
    orphanGraceHours: parsePositive(env['ORPHAN_GRACE_HOURS'], 'ORPHAN_GRACE_HOURS', 24),
    shutdownDeadlineSeconds: parsePositive(env['SHUTDOWN_DEADLINE_SECONDS'], 'SHUTDOWN_DEADLINE_SECONDS', 25),
    instanceId: parseInstanceId(env['INSTANCE_ID']),
    uploadQuota: Object.freeze(uploadQuota),
  });
}

/** A strong secret is long and not made of a few repeated characters. */
export function isStrongSecret(secret: string): boolean {
  return secret.length >= MIN_SECRET_LENGTH && new Set(secret).size >= 12 && secret !== DEVELOPMENT_SESSION_SECRET;
}

/** The key of the TOTP secrets: 32 bytes in base64; required in production, never the development key there. */
function parseMfaKey(value: string | undefined, production: boolean): string {
  if (value === undefined) {
    if (production) throw new ConfigError('MFA_ENCRYPTION_KEY ontbreekt: geef een sleutel van 32 willekeurige bytes in base64 (bv. openssl rand -base64 32).');
    return DEVELOPMENT_MFA_KEY;
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || Buffer.from(value, 'base64').length !== 32) {
    throw new ConfigError('MFA_ENCRYPTION_KEY moet 32 bytes in base64 zijn (bv. openssl rand -base64 32).');
  }
  if (production && value === DEVELOPMENT_MFA_KEY) throw new ConfigError('MFA_ENCRYPTION_KEY is de ontwikkelsleutel: geef in productie een eigen sleutel.');
  return value;
}

function parseNodeEnv(value: string | undefined): Config['env'] {
  const v = nonEmpty(value) ?? 'development';
  if (v === 'development' || v === 'test' || v === 'production') return v;
  throw new ConfigError(`NODE_ENV "${v}" is onbekend: kies development, test of production.`);
}

function parsePort(value: string | undefined): number {
  const v = nonEmpty(value);
  if (v === undefined) return 3000;
  const port = Number(v);
  if (!/^\d+$/.test(v) || port > 65535) {
    throw new ConfigError(`PORT "${v}" is geen geldig poortnummer (0-65535).`);
  }
  return port;
}

function parseS3(env: Env): S3Config | undefined {
  const bucket = nonEmpty(env['S3_BUCKET']);
  const endpoint = nonEmpty(env['S3_ENDPOINT']);
  if (bucket === undefined) {
    if (endpoint !== undefined) throw new ConfigError('S3_ENDPOINT is gegeven zonder S3_BUCKET: geef ook de naam van de bucket.');
    return undefined;
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError(`S3_BUCKET "${bucket}" is geen geldige bucketnaam (3-63 kleine letters, cijfers, punten en koppeltekens).`);
  }
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(endpoint)) {
    throw new ConfigError('S3_ENDPOINT moet een adres zijn dat begint met http:// of https:// (bv. http://minio:9000).');
  }
  const region = nonEmpty(env['S3_REGION']) ?? nonEmpty(env['AWS_REGION']) ?? 'us-east-1';
  return Object.freeze({ bucket, endpoint: endpoint?.replace(/\/$/, ''), region });
}

/** A number above zero, or `fallback` when not given; `whole` for counts and sizes (a safe integer). */
function parsePositive(value: string | undefined, name: string, fallback: number, options: { whole?: boolean } = {}): number {
  const v = nonEmpty(value);
  if (v === undefined) return fallback;
  const n = Number(v);
  const whole = options.whole === true;
  const written = whole ? /^\d+$/.test(v) && Number.isSafeInteger(n) : /^\d+(\.\d+)?$/.test(v);
  if (!written || n <= 0) throw new ConfigError(whole ? `${name} "${v}" is geen positief geheel getal.` : `${name} "${v}" moet een positief getal zijn.`);
  return n;
}

function parseInstanceId(value: string | undefined): string {
  const v = nonEmpty(value) ?? `${hostname()}-${String(process.pid)}`;
  // It travels in a response header: letters, digits and a few marks only.
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(v)) throw new ConfigError(`INSTANCE_ID mag enkel letters, cijfers, punt, koppelteken en liggend streepje bevatten (hoogstens 64).`);
  return v;
}

function parseBoolean(value: string | undefined, name: string, fallback: boolean): boolean {
  const v = nonEmpty(value)?.toLowerCase();
  if (v === undefined) return fallback;
  if (['1', 'true', 'yes', 'ja'].includes(v)) return true;
  if (['0', 'false', 'no', 'nee'].includes(v)) return false;
  throw new ConfigError(`${name} "${value ?? ''}" is geen ja/nee-waarde (true of false).`);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
