import { appnpDefinition } from './appnp.js';
import { cgnnDefinition } from './cgnn.js';
import { coinDefinition } from './coin.js';
import { dgcDefinition } from './dgc.js';
import { diffResNetDefinition } from './diff-resnet.js';
import { difformerDefinition } from './difformer.js';
import { gatDefinition } from './gat.js';
import { gcdeDefinition } from './gcde.js';
import { gcnDefinition } from './gcn.js';
import { gdcDefinition } from './gdc.js';
import { grandDefinition } from './grand.js';
import { grandLinearDefinition } from './grand-linear.js';
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
  ['cgnn', cgnnDefinition],
  ['gcde', gcdeDefinition],
  ['grand-linear', grandLinearDefinition],
  ['grand', grandDefinition],
] as unknown as [string, ModelDefinition][];
