/**
 * SIGTERM and SIGINT as AbortSignals: `stop` aborts on the first, `force` on the second. Listen before the
 * process says it is ready (or starting): a signal that arrives while Node has no listener for it kills the
 * process at once (the default action). That was the "SIGTERM at start-up" failure of the worker entry points:
 * they announced "worker serving queues" and only then listened, so a SIGTERM sent on that line killed a
 * worker instead of draining it whenever the writer was descheduled between the two (often, on 2 loaded cores).
 */
export interface StopSignals {
  /** Aborted on the first signal: stop taking work, finish what runs, exit. */
  readonly stop: AbortSignal;
  /** Aborted on the second signal: stop without waiting. */
  readonly force: AbortSignal;
  /** Stops listening (a later signal gets Node's default action again). */
  dispose(): void;
}

export function listenForStop(signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): StopSignals {
  const stop = new AbortController();
  const force = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) force.abort(signal);
    else stop.abort(signal);
  };
  for (const signal of signals) process.on(signal, onSignal);
  return {
    stop: stop.signal,
    force: force.signal,
    dispose: () => {
      for (const signal of signals) process.off(signal, onSignal);
    },
  };
}
