// @ts-check
/**
 * A private MariaDB server for the WordPress suite: its own data folder in a temp dir, reached
 * only through a Unix socket there (no TCP port at all), started and stopped by the suite. The
 * system's MariaDB service, if any, is neither used nor touched.
 */
import path from 'node:path';

import {exists, run, startService} from './processes.mjs';

const MARIADBD = '/usr/sbin/mariadbd';

/**
 * @typedef {{socket: string, query: (sql: string) => Promise<string>, stop: () => Promise<void>, output: () => string}} Mariadb
 */

/**
 * Creates a data folder under `dir` and starts a server on it.
 * @param {string} dir an empty temp folder of the suite
 * @returns {Promise<Mariadb>}
 */
export async function startMariadb(dir) {
  const data = path.join(dir, 'data');
  const socket = path.join(dir, 'mysqld.sock');
  // mariadbd refuses to run as root unless told to; any other user runs it as itself.
  const user = process.getuid?.() === 0 ? ['--user=root'] : [];
  const common = ['--no-defaults', `--datadir=${data}`, '--innodb-log-file-size=16M', '--innodb-buffer-pool-size=32M'];
  await run('mariadb-install-db', [...common, ...user, '--auth-root-authentication-method=normal', '--skip-test-db',
    '--skip-name-resolve']);
  const client = ['--no-defaults', `--socket=${socket}`, '--user=root'];
  const server = await startService(MARIADBD, [
    ...common, ...user, `--socket=${socket}`, '--skip-networking', `--pid-file=${path.join(dir, 'mysqld.pid')}`,
    `--log-error=${path.join(dir, 'error.log')}`,
  ], {
    isReady: async () => (await exists(socket)) && (await run('mariadb-admin', [...client, 'ping'], {timeoutMs: 5000}), true),
  });
  return {
    socket,
    output: server.output,
    query: async (sql) => (await run('mariadb', [...client, '--batch', '--skip-column-names', '-e', sql])).stdout,
    stop: async () => {
      await run('mariadb-admin', [...client, 'shutdown'], {timeoutMs: 20_000}).catch(() => undefined);
      await server.stop();
    },
  };
}
