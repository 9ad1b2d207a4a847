// Runs the policywatch command as a user would (node + tsx on src/main.ts), for end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

export { freePort } from './freePort.ts';

const MAIN = path.join(PROJECT_ROOT, 'src', 'main.ts');

/** The environment of a fresh machine: none of the variables policywatch reads, except those given. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(POLICYWATCH_|TELEGRAM_|DISCORD_|DATABASE_URL|TEST_DATABASE_URL)/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

const running = new Set<ChildProcess>();

/** Kills anything a failed test left running; call from afterAll. */
export function killSpawned(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
}

export function spawnCli(args: string[], env: Record<string, string>): ChildProcess & { output: () => string; errors: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: PROJECT_ROOT, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return Object.assign(child, { output: () => stdout, errors: () => stderr });
}

export async function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args, env);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout: child.output(), stderr: child.errors() };
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 30_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
