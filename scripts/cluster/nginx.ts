/**
 * nginx (Debian package `nginx`, /usr/sbin/nginx) as the load balancer of `npm run cluster`: a
 * child process with a configuration generated in a folder of its own (pid, logs and temporary
 * files inside it), round robin over the instances, on one port of 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const NGINX_PATH = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';

/** Above the largest document (20 MB) and the multipart envelope around it. */
const MAX_BODY = '25m';

export function nginxInstalled(): boolean {
  try {
    accessSync(NGINX_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The configuration. One worker, so that round robin is one rotation in the order of the
 * instances (a, b, c, a, …). No keep-alive to the instances: an instance that stops listening
 * (SIGTERM) refuses the connection, and nginx passes the request to the next one, POST included
 * (nothing of it was sent). A request whose body was partly sent (an upload to an instance that
 * died) is not passed on: the client gets 502, as with any load balancer.
 */
export function nginxConfig(directory: string, port: number, upstreams: readonly number[]): string {
  const servers = upstreams.map((p) => `    server 127.0.0.1:${String(p)} max_fails=1 fail_timeout=5s;`).join('\n');
  return `worker_processes 1;
pid ${directory}/nginx.pid;
error_log ${directory}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${directory}/access.log;
  client_body_temp_path ${directory}/client_body;
  proxy_temp_path ${directory}/proxy;
  fastcgi_temp_path ${directory}/fastcgi;
  uwsgi_temp_path ${directory}/uwsgi;
  scgi_temp_path ${directory}/scgi;
  upstream portaal {
${servers}
  }
  server {
    listen 127.0.0.1:${String(port)};
    client_max_body_size ${MAX_BODY};
    location / {
      proxy_pass http://portaal;
      proxy_http_version 1.1;
      proxy_request_buffering off;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_next_upstream error timeout;
      proxy_read_timeout 120s;
    }
  }
}
`;
}

/** Starts nginx in the foreground (`daemon off`) in its own process group; stop it with SIGQUIT (graceful) or SIGTERM. */
export function startNginx(directory: string, port: number, upstreams: readonly number[]): ChildProcess {
  mkdirSync(directory, { recursive: true });
  // Run as root, nginx's worker is www-data: it must reach its temporary folders.
  chmodSync(directory, 0o755);
  const file = path.join(directory, 'nginx.conf');
  writeFileSync(file, nginxConfig(directory, port, upstreams));
  return spawn(NGINX_PATH, ['-p', directory, '-c', file, '-e', path.join(directory, 'error.log'), '-g', 'daemon off;'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
}
