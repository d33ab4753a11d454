/**
 * Runs the EDGAR replica as a standalone process:
 *   node test/replica/start.ts [--dataset demo|tiny|<module path>] [--max-rps 10|off] [--block-ms 600000]
 *                              [--port 0] [--recent-limit 1000] [--page-size 1000] [--extra 0]
 *                              [--exit-with-parent]
 * Prints {"url", "bases", "pid"} as one JSON line on stdout once listening, then serves until SIGTERM/SIGINT.
 * The dataset defaults to the demo dataset exported by test/replica/data/index.ts (`demoDataset`), and to
 * the tiny built-in one when that module does not exist. Admin endpoints: GET /__replica/stats,
 * GET /__replica/log?from=N, POST /__replica/reset, POST /__replica/faults.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ReplicaDataset } from './dataset.ts';
import { startReplica } from './server.ts';
import { tinyDataset } from './tiny-dataset.ts';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'demo' },
    'max-rps': { type: 'string', default: '10' },
    'block-ms': { type: 'string', default: '600000' },
    port: { type: 'string', default: '0' },
    'recent-limit': { type: 'string' },
    'page-size': { type: 'string' },
    extra: { type: 'string', default: '0' },
    'exit-with-parent': { type: 'boolean', default: false },
  },
});

async function loadDataset(name: string): Promise<ReplicaDataset> {
  if (name === 'tiny') return tinyDataset(Number(values.extra));
  const path = name === 'demo' ? resolve(import.meta.dirname, 'data', 'index.ts') : resolve(process.cwd(), name);
  if (name === 'demo' && !existsSync(path)) return tinyDataset(Number(values.extra));
  const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const exported = module.demoDataset ?? module.dataset ?? module.default;
  const dataset =
    typeof exported === 'function' ? await (exported as () => ReplicaDataset | Promise<ReplicaDataset>)() : exported;
  if (!dataset || typeof dataset !== 'object' || !Array.isArray((dataset as ReplicaDataset).companies)) {
    throw new Error(`${path} exports no ReplicaDataset (expected demoDataset, dataset or default)`);
  }
  return dataset as ReplicaDataset;
}

const maxRps = values['max-rps'] === 'off' ? null : Number(values['max-rps']);
const replica = await startReplica({
  dataset: await loadDataset(values.dataset),
  limits: { maxRps, blockMs: Number(values['block-ms']) },
  port: Number(values.port),
  ...(values['recent-limit'] ? { recentLimit: Number(values['recent-limit']) } : {}),
  ...(values['page-size'] ? { pageSize: Number(values['page-size']) } : {}),
});
process.stdout.write(`${JSON.stringify({ url: replica.url, bases: replica.bases, pid: process.pid })}\n`);

const stop = () => {
  void replica.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (values['exit-with-parent']) {
  // Started detached (a session of its own): do not outlive the test or bench that started us.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(), 500).unref();
}
