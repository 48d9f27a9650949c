// @ts-check
/**
 * PHP's built-in web server on 127.0.0.1 and a free port, serving a CMS from its Debian folder
 * through `router.php` (which serves the suite's temp folders as static files and hands
 * everything else to the CMS).
 */
import {fileURLToPath} from 'node:url';

import {freePort, portOpen, startService} from './processes.mjs';

const ROUTER = fileURLToPath(new URL('./router.php', import.meta.url));

/**
 * @typedef {{url: string, port: number, stop: () => Promise<void>, output: () => string}} PhpServer
 */

/**
 * Starts `php -S`.
 * @param {{docroot: string, port?: number, staticPrefix: string, staticDir: string, env?: NodeJS.ProcessEnv}} options
 *   `staticPrefix` (e.g. `/wp-content/`) is served from `staticDir`; `env` reaches the CMS
 *   through getenv() (and `WORDPRESS_CONFIG` through `$_SERVER`, as Debian's wp-config.php reads it).
 * @returns {Promise<PhpServer>}
 */
export async function startPhpServer({docroot, port, staticPrefix, staticDir, env = {}}) {
  const listen = port ?? await freePort();
  const server = await startService('php', ['-S', `127.0.0.1:${listen}`, '-t', docroot, ROUTER], {
    env: {
      ...env,
      ROUTER_STATIC_PREFIX: staticPrefix,
      ROUTER_STATIC_DIR: staticDir,
      // A page loads its scripts and styles in parallel; one worker would serialise them.
      PHP_CLI_SERVER_WORKERS: '4',
    },
    isReady: () => portOpen(listen),
  });
  return {url: `http://127.0.0.1:${listen}`, port: listen, stop: server.stop, output: server.output};
}
