/**
 * The folder layering of src/ (README "Layout and layering"), enforced by the lint rule `layers/one-way`:
 * a module may import its own folder and the folders of LOWER layers only, type imports, re-exports and
 * dynamic import() included. Folders of one layer do not import each other. Top to bottom:
 */
import { dirname, relative, resolve, sep } from 'node:path';
import type { Rule } from 'eslint';
import type { Node as EstreeNode } from 'estree';

export const LAYERS: readonly (readonly string[])[] = [
  // Entry points: the CLI and the worker processes.
  ['cli', 'workers'],
  // Composition roots: build adapters from the Config, choose the runner, wire processes.
  ['app'],
  // Stages, the two runners and the distributed runner's queue processors and tracker.
  ['pipeline'],
  // The read API and viewer (serve): read the store, derive reviews, render pages; never write.
  ['serve'],
  // Operations (metrics, dashboard) observe the queues and the EDGAR client.
  ['ops'],
  // The filters of the tables (DESIGN.md "Filters"): what applies where and how values are read, for cli and serve.
  ['query'],
  // Adapters: BullMQ queues, document stores, raw archive, EDGAR client and limiters.
  ['queue', 'store', 'archive', 'edgar'],
  // Pure domain: filing records, run scope, the filing lifecycle.
  ['filing'],
  // Pure derivation of the analytic tables (comments, conversations) from a thread's letters.
  ['analytics'],
  // Pure parsers, in data-flow order read upwards: submission -> normalize -> letter; discover lists filings.
  ['discover'],
  ['letter'],
  ['normalize'],
  ['submission'],
  // Base: configuration, errors, logging, EDGAR identifiers.
  ['base'],
];

/** Files of the base layer outside a folder of their own. */
const BASE_FILES = new Set(['src/errors.ts', 'src/log.ts', 'src/identifiers.ts']);

/** The layering unit of a repository path ("src/store/x.ts" -> "store"), or null when it is not layered. */
export function unitOf(path: string): string | null {
  const parts = path.split('/');
  if (parts[0] === 'config') return 'base';
  if (parts[0] === 'workers') return 'workers';
  if (parts[0] !== 'src') return null;
  if (BASE_FILES.has(path)) return 'base';
  return parts.length > 2 ? parts[1]! : null;
}

const layerOf = (unit: string): number => LAYERS.findIndex((layer) => layer.includes(unit));

/** Why `from` may not import `to`, or null when it may. */
export function layeringProblem(from: string, to: string): string | null {
  if (from === to) return null;
  const a = layerOf(from);
  const b = layerOf(to);
  if (a < 0) return `${from} is in no layer: add it to LAYERS in eslint/layers.ts`;
  if (b < 0) return `${to} is in no layer: add it to LAYERS in eslint/layers.ts`;
  if (b > a) return null;
  return b === a ? `${from} and ${to} are in one layer and do not import each other` : `${to} is above ${from}`;
}

const oneWay: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'folders of src/ import downwards only (eslint/layers.ts)' },
    schema: [],
    messages: { upward: 'src layering: {{from}} may not import {{target}} ({{why}}).' },
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename).split(sep).join('/');
    const from = unitOf(file);
    if (from === null) return {};
    const check = (node: EstreeNode, source: { value?: unknown } | null | undefined): void => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), source.value))
        .split(sep)
        .join('/');
      const to = unitOf(target);
      if (to === null) return;
      const why = layeringProblem(from, to);
      if (why) context.report({ node, messageId: 'upward', data: { from, target, why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export const layersPlugin = { rules: { 'one-way': oneWay } };
