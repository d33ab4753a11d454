import { parseBrowseFeed } from '../../src/discover/browse-atom.ts';
import { parseIndexFile } from '../../src/discover/daily-index.ts';
import { run } from './support/linear-cases.ts';
const cpu = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
const which = process.argv[2];
for (const n of process.argv[3] ? [Number(process.argv[3])] : [16384, 65536, 262144]) {
  const t0 = cpu();
  try {
    if (which === 'atom') parseBrowseFeed(run('<entry>', n, '<feed>'));
    else
      for (let i = 0; i < 16; i++)
        parseIndexFile(
          run(
            'CORRESP     Example Co 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9\n',
            n,
            `Form Type   Company Name${' '.repeat(50)}CIK         Date Filed  File Name\n${'-'.repeat(80)}\n`,
          ),
        );
  } catch (e) {
    console.log('ERR', (e as Error).constructor.name, (e as Error).message.slice(0, 100));
  }
  console.log(which, n, (cpu() - t0).toFixed(1));
}
