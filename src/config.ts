/**
 * Configuration: read from the environment once, validated at start-up.
 * `requiredInProduction` values have a local default but stop a production start when missing.
 */
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
  /** ASVS 5.2.1: what one user may upload per calendar day in Brussels (documents and attest scans together). */
  uploadQuota: Readonly<{ uploadsPerDay: number; bytesPerDay: number }>;
}>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEVELOPMENT_SESSION_SECRET = 'development-only-secret-not-for-production-use!!';
const MIN_SECRET_LENGTH = 32;
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
  const uploadQuota = {
    uploadsPerDay: parsePositiveInteger(env['UPLOAD_QUOTA_PER_DAY'], 'UPLOAD_QUOTA_PER_DAY', 200),
    bytesPerDay: parsePositiveInteger(env['UPLOAD_QUOTA_BYTES_PER_DAY'], 'UPLOAD_QUOTA_BYTES_PER_DAY', 1024 * 1024 * 1024),
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
    uploadQuota: Object.freeze(uploadQuota),
  });
}

/** A strong secret is long and not made of a few repeated characters. */
export function isStrongSecret(secret: string): boolean {
  return secret.length >= MIN_SECRET_LENGTH && new Set(secret).size >= 12 && secret !== DEVELOPMENT_SESSION_SECRET;
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

function parsePositiveInteger(value: string | undefined, name: string, fallback: number): number {
  const v = nonEmpty(value);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || !Number.isSafeInteger(n)) throw new ConfigError(`${name} "${v}" is geen positief geheel getal.`);
  return n;
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
