/**
 * Backfill progress on stderr: a cli-progress bar on a TTY, plain lines otherwise (one per target and per
 * filing, so logs and CI show what happened to each letter). Both runners feed it the same RunEvents.
 */
import cliProgress from 'cli-progress';
import type { FilingOutcome, RunEvent } from '../pipeline/run-events.ts';
import type { OutputStream } from './context.ts';
import { terminalSafe } from './terminal-text.ts';

export interface ProgressReporter {
  readonly onEvent: (event: RunEvent) => void;
  /** Stops the bar (if any) so the summary prints below it. */
  stop(): void;
}

const OUTCOME_WORDS: Record<FilingOutcome, string> = {
  stored: 'stored',
  'already-stored': 'already stored',
  'not-attributed': 'archived, attributed to other file numbers',
  unnumbered: 'archived, no file number',
  failed: 'FAILED',
};

export function createProgressReporter(stream: OutputStream): ProgressReporter {
  return stream.isTTY ? barReporter(stream) : lineReporter(stream);
}

/** Plain progress prints the rate and ETA once every this many letters. */
const RATE_LINE_EVERY = 100;

/** Letters a second since the first one ended, and the time left at that rate. */
function rateClock() {
  let startedAt: number | null = null;
  return (done: number, total: number): { rate: number; eta: string } => {
    const now = performance.now();
    startedAt ??= now;
    const seconds = (now - startedAt) / 1000;
    const rate = seconds > 0 ? (done - 1) / seconds : 0;
    if (rate <= 0) return { rate: 0, eta: '-' };
    const left = Math.max(0, total - done) / rate;
    const eta =
      left < 60
        ? `${Math.ceil(left)} s`
        : left < 3600
          ? `${Math.ceil(left / 60)} min`
          : `${(left / 3600).toFixed(1)} h`;
    return { rate: Math.round(rate * 10) / 10, eta };
  };
}

const QUARTER_WORDS: Record<Extract<RunEvent, { type: 'quarter' }>['outcome'], string> = {
  read: 'read',
  checkpointed: 'final, checkpointed',
  'not-started': 'not started (404)',
  failed: 'FAILED (read again next run)',
};

const quarterLine = (event: Extract<RunEvent, { type: 'quarter' }>) =>
  `quarter ${event.quarter} (${event.index}/${event.of}): ${QUARTER_WORDS[event.outcome]}, ${event.letters} letters`;

function lineReporter(stream: OutputStream): ProgressReporter {
  let total = 0;
  let doneCount = 0;
  const clock = rateClock();
  return {
    onEvent(event) {
      switch (event.type) {
        case 'target-started':
          stream.write(`discovering ${event.targetKey}\n`);
          break;
        case 'target-discovered':
          stream.write(
            `${event.targetKey}: CIK ${event.ciks.join(', ') || '-'}, ${event.letters} letters, ${event.skipped} related forms skipped, ${event.requests} discovery requests\n`,
          );
          for (const warning of event.warnings) stream.write(`  warning: ${terminalSafe(warning)}\n`);
          break;
        case 'target-failed':
          stream.write(`${event.targetKey}: FAILED ${event.code}: ${terminalSafe(event.reason)}\n`);
          break;
        case 'total':
          total = event.total;
          break;
        case 'filing-done': {
          doneCount += 1;
          const { rate, eta } = clock(doneCount, total);
          stream.write(
            `[${doneCount}/${total}] ${event.accessionNumber} ${OUTCOME_WORDS[event.outcome]}${event.fetched ? ' (fetched)' : ''}\n`,
          );
          // Logs of a long run say how fast it goes and when it ends.
          if (doneCount % RATE_LINE_EVERY === 0) {
            stream.write(`progress: ${doneCount}/${total} letters, ${rate} letters/s, ETA ${eta}\n`);
          }
          break;
        }
        case 'finishing':
          stream.write(`${event.what}\n`);
          break;
        case 'quarter':
          stream.write(`${quarterLine(event)}\n`);
          break;
      }
    },
    stop() {},
  };
}

function barReporter(stream: OutputStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as unknown as NodeJS.WritableStream,
      format:
        '{bar} {value}/{total} letters | {target} | fetched {fetched} | stored {stored} | failed {failed} | {rate}/s ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const payload = { target: '', fetched: 0, stored: 0, failed: 0, rate: 0 };
  const clock = rateClock();
  let doneCount = 0;
  let total = 0;
  const ensure = () => {
    if (!started) bar.start(0, 0, payload);
    started = true;
  };
  const log = (line: string) => {
    // cli-progress redraws on the current line: clear it, write the line, the next update redraws the bar.
    stream.write(`\r\x1b[2K${terminalSafe(line)}\n`);
    if (started) bar.render();
  };
  return {
    onEvent(event) {
      ensure();
      switch (event.type) {
        case 'target-started':
          bar.update({ ...payload, target: `discovering ${event.targetKey}` });
          break;
        case 'target-discovered':
          payload.target = event.targetKey;
          log(
            `${event.targetKey}: CIK ${event.ciks.join(', ') || '-'}, ${event.letters} letters, ${event.skipped} skipped`,
          );
          break;
        case 'target-failed':
          log(`${event.targetKey}: FAILED ${event.code}: ${event.reason}`);
          break;
        case 'total':
          total = event.total;
          bar.setTotal(event.total);
          break;
        case 'quarter':
          bar.update({ ...payload, target: quarterLine(event) });
          break;
        case 'filing-done':
          doneCount += 1;
          payload.rate = clock(doneCount, total).rate;
          if (event.fetched) payload.fetched += 1;
          if (event.outcome === 'stored') payload.stored += 1;
          if (event.outcome === 'failed') payload.failed += 1;
          bar.increment(1, payload);
          break;
        case 'finishing':
          bar.update({ ...payload, target: event.what });
          break;
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
