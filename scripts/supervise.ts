// Keeps a process running: when it exits without being asked to, start it again
// after a growing pause (backoff), and give up after too many crashes in a short
// time (a crash loop), so a portal that can't start says so instead of spinning.
// `npm start` supervises its embedded PostgreSQL and its Next.js server with it.

export type Running = {
  /** Settles when the process has exited, for whatever reason. */
  exited: Promise<unknown>;
  /** Asks the process to stop and settles when it has. */
  stop: () => Promise<void>;
};

export type SuperviseOptions = {
  name: string;
  start: () => Promise<Running>;
  /** Pause before restart number n (1, 2, ...): 250 ms doubling up to 8 s by default. */
  backoffMs?: (restart: number) => number;
  /** Give up after this many restarts inside `windowMs` (default 5 in 60 s). */
  maxRestarts?: number;
  windowMs?: number;
  /** Called once when supervision gives up (the process keeps failing). */
  onGiveUp: (error: Error) => void;
  log?: (message: string) => void;
};

export type Supervised = {
  /** Stops the process for good (no restart). */
  stop: () => Promise<void>;
  /** How many times the process was restarted. */
  restarts: () => number;
  /** Settles after the next successful (re)start. */
  nextStart: () => Promise<void>;
};

const defaultBackoff = (restart: number) => Math.min(250 * 2 ** (restart - 1), 8_000);

/** Starts the process (the first start's failure is thrown to the caller) and keeps it running. */
export async function supervise(options: SuperviseOptions): Promise<Supervised> {
  const { name, maxRestarts = 5, windowMs = 60_000, backoffMs = defaultBackoff, log = console.error } = options;
  let current: Running = await options.start();
  let stopping = false;
  let restarts = 0;
  const recent: number[] = [];
  let started: Array<() => void> = [];
  let sleeping: { timer: NodeJS.Timeout; wake: () => void } | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((wake) => {
      sleeping = { timer: setTimeout(wake, ms), wake };
    }).finally(() => (sleeping = null));

  const watch = async (running: Running) => {
    await running.exited.catch(() => undefined);
    if (stopping) return;
    for (;;) {
      const now = Date.now();
      while (recent.length && now - recent[0]! > windowMs) recent.shift();
      if (recent.length >= maxRestarts) {
        stopping = true;
        options.onGiveUp(new Error(`${name} failed ${recent.length + 1} times within ${Math.round(windowMs / 1000)} s; not restarting it again.`));
        return;
      }
      recent.push(now);
      restarts++;
      const pause = backoffMs(recent.length);
      log(`${name} stopped unexpectedly; restarting it in ${pause} ms.`);
      await sleep(pause);
      if (stopping) return;
      try {
        current = await options.start();
      } catch (error) {
        log(`${name} did not start: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (stopping) {
        await current.stop();
        return;
      }
      log(`${name} is running again.`);
      for (const resolve of started) resolve();
      started = [];
      void watch(current);
      return;
    }
  };
  void watch(current);

  return {
    restarts: () => restarts,
    nextStart: () => new Promise<void>((resolve) => started.push(resolve)),
    stop: async () => {
      stopping = true;
      if (sleeping) {
        clearTimeout(sleeping.timer);
        sleeping.wake();
      }
      await current.stop();
    },
  };
}

/** A child process as `supervise` needs it: SIGTERM to stop, SIGKILL when it doesn't within `graceMs`. */
export function runningChild(child: import("node:child_process").ChildProcess, graceMs = 15_000): Running {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  return {
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The embedded PostgreSQL of `npm start`: when its server process dies, start it
 * again on the same data folder and port, so the portal's connection string stays
 * right and its connection pool reconnects by itself.
 */
export async function keepPostgresRunning(options: {
  dataDir: string;
  port: number;
  /** The server already started (by prepareDatabase). */
  first: Running;
  onGiveUp: (error: Error) => void;
  log?: (message: string) => void;
}): Promise<Supervised> {
  let first: Running | null = options.first;
  return supervise({
    name: "PostgreSQL",
    onGiveUp: options.onGiveUp,
    log: options.log,
    start: async () => {
      if (first) {
        const running = first;
        first = null;
        return running;
      }
      const { startEmbeddedPostgres } = await import("./db/embedded");
      const server = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port });
      if (server.port !== options.port) {
        await server.stop();
        throw new Error(`port ${options.port} is taken by another program`);
      }
      return { exited: server.exited, stop: server.stop };
    },
  });
}

/** The web server (Next.js) as a child process, started again when it dies. */
export function keepServerRunning(options: {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  onGiveUp: (error: Error) => void;
  log?: (message: string) => void;
  backoffMs?: (restart: number) => number;
}): Promise<Supervised> {
  return supervise({
    name: "The web server",
    onGiveUp: options.onGiveUp,
    log: options.log,
    backoffMs: options.backoffMs,
    start: async () => {
      const { spawn } = await import("node:child_process");
      return runningChild(spawn(options.command, options.args, { stdio: "inherit", env: options.env }));
    },
  });
}
