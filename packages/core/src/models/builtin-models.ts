import { appnpDefinition } from './appnp.js';
import { coinDefinition } from './coin.js';
import { dgcDefinition } from './dgc.js';
import { diffResNetDefinition } from './diff-resnet.js';
import { difformerDefinition } from './difformer.js';
import { gatDefinition } from './gat.js';
import { gcnDefinition } from './gcn.js';
import { gdcDefinition } from './gdc.js';
import { graphHeatDefinition } from './graph-heat.js';
import { graphSageDefinition } from './graph-sage.js';
import { mlpDefinition } from './mlp.js';
import type { ModelDefinition } from './registry.js';
import { sgcDefinition } from './sgc.js';

/** The models the registry starts with, in display order. */
export const BUILTIN_MODELS: readonly [string, ModelDefinition][] = [
  ['coin', coinDefinition],
  ['diff-resnet', diffResNetDefinition],
  ['gcn', gcnDefinition],
  ['appnp', appnpDefinition],
  ['sgc', sgcDefinition],
  ['mlp', mlpDefinition],
  ['gat', gatDefinition],
  ['graphsage', graphSageDefinition],
  ['dgc', dgcDefinition],
  ['graphheat', graphHeatDefinition],
  ['gdc', gdcDefinition],
  ['difformer', difformerDefinition],
] as unknown as [string, ModelDefinition][];
