// @ts-check
/**
 * Child processes of the CMS suites: run a command to its end, start a server and wait for its
 * port or socket, stop it. A server runs in a process group of its own (`php -S` forks workers),
 * and stopping it signals that group, by the server's id: by the suite that started it, or,
 * should the suite die first, when this Node process exits.
 */
import {spawn} from 'node:child_process';
import {access} from 'node:fs/promises';
import net from 'node:net';
import {setTimeout as sleep} from 'node:timers/promises';

/** The last this many characters of a process's output are kept for error messages. */
const LOG_TAIL = 4000;

/** Servers still running, stopped on exit if their suite could not. */
const running = new Set();
process.on('exit', () => {
  for (const child of running) signalGroup(child, 'SIGKILL');
});

/**
 * Signals a server and every process it forked.
 * @param {import('node:child_process').ChildProcess} child started with `detached: true`
 * @param {NodeJS.Signals} signal
 */
function signalGroup(child, signal) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

/**
 * Runs a command to its end.
 * @param {string} command
 * @param {string[]} args
 * @param {{input?: string, env?: NodeJS.ProcessEnv, cwd?: string, timeoutMs?: number}} [options]
 * @returns {Promise<{stdout: string, stderr: string}>} rejects with the output when it fails
 */
export function run(command, args, {input, env, cwd, timeoutMs = 120_000} = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd, env: {...process.env, ...env}, stdio: ['pipe', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({stdout, stderr});
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${tail(stdout + stderr)}`));
    });
    child.stdin.end(input ?? '');
  });
}

/**
 * A free TCP port on 127.0.0.1 (the OS picks it; a short race with other processes remains).
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A long-running child process: its output tail and a way to stop it.
 * @typedef {{child: import('node:child_process').ChildProcess, output: () => string, stop: () => Promise<void>}} Service
 */

/**
 * Starts a server process and resolves once `isReady()` holds (polled), or rejects with its
 * output when it exits or `timeoutMs` passes first.
 * @param {string} command
 * @param {string[]} args
 * @param {{env?: NodeJS.ProcessEnv, cwd?: string, isReady: () => Promise<boolean>, timeoutMs?: number}} options
 * @returns {Promise<Service>}
 */
export async function startService(command, args, {env, cwd, isReady, timeoutMs = 30_000}) {
  const child = spawn(command, args, {cwd, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe'], detached: true});
  running.add(child);
  let log = '';
  const keep = (/** @type {Buffer} */ chunk) => { log = tail(log + chunk); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => child.on('exit', () => { running.delete(child); resolve(); }));
  let failed = null;
  child.on('error', (error) => { failed = error; });
  const service = {
    child,
    output: () => log,
    async stop() {
      const alive = child.exitCode === null && child.signalCode === null;
      signalGroup(child, 'SIGTERM');
      if (alive) {
        const killer = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      // Workers the server forked may outlive it by a moment.
      signalGroup(child, 'SIGKILL');
      running.delete(child);
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (failed) throw failed;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${command} exited before it was ready:\n${log}`);
    }
    if (await isReady().catch(() => false)) return service;
    if (Date.now() > deadline) {
      await service.stop();
      throw new Error(`${command} was not ready after ${timeoutMs} ms:\n${log}`);
    }
    await sleep(100);
  }
}

/**
 * Whether a TCP port on 127.0.0.1 accepts connections.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Whether a file exists.
 * @param {string} file
 */
export async function exists(file) {
  return access(file).then(() => true, () => false);
}

/** @param {string} text */
function tail(text) {
  return text.length > LOG_TAIL ? text.slice(-LOG_TAIL) : text;
}
