import { fullSuite } from './full.js';
import { kernelsSuite } from './kernels.js';
import { paperSuite } from './paper.js';
import { quickSuite } from './quick.js';
import { scaleSuite } from './scale.js';
import { sigmaSuite } from './sigma.js';
import type { Suite } from './suite.js';
import type { SuiteName } from './suite-result.js';

/** Every suite by name. */
export const SUITES: Readonly<Record<SuiteName, Suite>> = {
  quick: quickSuite,
  full: fullSuite,
  paper: paperSuite,
  sigma: sigmaSuite,
  scale: scaleSuite,
  kernels: kernelsSuite,
};
