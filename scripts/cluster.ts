/**
 * `npm run cluster` (issue 14 item 7): three instances of the portal on one PostgreSQL database
 * and one S3-compatible server (s3rver), behind nginx on one port, so that a newcomer sees the
 * portal run as it would in production. Ctrl-C (or SIGTERM) stops everything.
 *
 *   CLUSTER_DATABASE_URL  PostgreSQL database (else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/loopbaanportaal_cluster; created when missing)
 *   CLUSTER_PORT          nginx's port (default 8080)
 *   DATA_DIR              the S3 objects, nginx's files and the mail go to DATA_DIR/cluster (default data/cluster)
 */
import path from 'node:path';
import { DEMO_PASSWORD } from '../src/services/demo/demo-data.ts';
import { nginxInstalled, NGINX_PATH } from './cluster/nginx.ts';
import { DEFAULT_CLUSTER_DATABASE_URL, startCluster } from './cluster/start-cluster.ts';

if (!nginxInstalled()) {
  console.error(`nginx ontbreekt (${NGINX_PATH}): installeer het Debian-pakket nginx (apt-get install -y nginx) of zet NGINX_PATH.`);
  process.exit(1);
}
const port = Number(process.env['CLUSTER_PORT'] ?? '8080');
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`CLUSTER_PORT "${process.env['CLUSTER_PORT'] ?? ''}" is geen geldig poortnummer.`);
  process.exit(1);
}
const directory = path.resolve(process.env['DATA_DIR'] ?? 'data', 'cluster');

try {
  const cluster = await startCluster({
    databaseUrl: process.env['CLUSTER_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? DEFAULT_CLUSTER_DATABASE_URL,
    port,
    directory,
    log: (line) => {
      console.log(line);
    },
  });
  console.log('');
  console.log(`Loopbaanportaal (3 instanties achter nginx): ${cluster.url.replace('127.0.0.1', 'localhost')}`);
  console.log(`Meld je aan met begeleider@demo.be (of een ander demo-account uit de README), wachtwoord ${DEMO_PASSWORD}.`);
  console.log('Elk antwoord draagt de kop X-Instance-Id met de instantie die het gaf. Stoppen: Ctrl-C.');
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: de instanties, nginx en de S3-server stoppen…`);
    cluster.stop().then(
      () => {
        console.log('Gestopt.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
  for (const instance of cluster.instances) {
    void instance.exited.then(({ code, signal }) => {
      if (!stopping) console.error(`${instance.id} stopte (exitcode ${String(code)}, signaal ${String(signal)}):\n${instance.output().split('\n').slice(-5).join('\n')}`);
    });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
