/**
 * The lint rules that keep the code's shape, proved to bite: each snippet is linted with the project's own
 * config (ESLint's lintText with a file path inside src/), as `npm run lint` would lint a commit adding it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { LAYERS, layeringProblem, unitOf } from '../../../eslint/layers.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint: folder layering', () => {
  it('refuses a module of src/store that imports src/pipeline, even for a type', async () => {
    const found = await problems(
      'src/store/probe.ts',
      "import type { ParseDeps } from '../pipeline/parse-stage.ts';\nexport type Probe = ParseDeps;\n",
    );
    assert.deepEqual(found, [
      'layers/one-way: src layering: store may not import src/pipeline/parse-stage.ts (pipeline is above store).',
    ]);
  });

  it('refuses a back-reference between the pure parsers, and a dynamic import upwards', async () => {
    assert.equal(
      (await problems('src/normalize/probe.ts', "export { LETTER_FORMS } from '../letter/schema.ts';\n")).length,
      1,
    );
    assert.equal(
      (await problems('src/queue/probe.ts', "export const m = () => import('../ops/metrics.ts');\n")).length,
      1,
    );
  });

  it('refuses imports between folders of one layer', async () => {
    const found = await problems('src/store/probe.ts', "export { openQueues } from '../queue/queues.ts';\n");
    assert.match(found[0] ?? '', /store and queue are in one layer/);
  });

  it('accepts imports downwards and within a folder', async () => {
    const code = [
      "import { nextStep } from '../filing/lifecycle.ts';",
      "import { parseFiling } from './parse-stage.ts';",
      "import { ERROR_CODES } from '../errors.ts';",
      "import { loadConfig } from '../../config/env.ts';",
      'export const probe = [nextStep, parseFiling, ERROR_CODES, loadConfig];',
      '',
    ].join('\n');
    assert.deepEqual(await problems('src/pipeline/probe.ts', code), []);
  });

  it('places every folder of src/ in exactly one layer', async () => {
    const { readdirSync } = await import('node:fs');
    const folders = readdirSync(new URL('../../../src/', import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    for (const folder of folders) {
      assert.equal(LAYERS.flat().filter((unit) => unit === folder).length, 1, folder);
    }
    assert.equal(unitOf('src/identifiers.ts'), 'base');
    assert.equal(unitOf('config/env.ts'), 'base');
    assert.equal(layeringProblem('base', 'pipeline'), 'pipeline is above base');
  });
});

describe('lint: other shape rules', () => {
  it('refuses `new BadInputError` outside badInput()', async () => {
    const found = await problems(
      'src/pipeline/probe.ts',
      "import { BadInputError } from '../errors.ts';\nexport const e = new BadInputError('oversize', null, 'x');\n",
    );
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^no-restricted-syntax: Raise bad input with badInput\(\)/);
  });

  it('refuses a function of more than 80 lines, blank lines and comments included', async () => {
    const body = Array.from({ length: 40 }, (_, i) => `  // step ${i}\n\n`).join('');
    const found = await problems('src/letter/probe.ts', `export function long(): void {\n${body}}\n`);
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^max-lines-per-function: /);
  });
});
