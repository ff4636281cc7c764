import type { ConformanceSet } from '../conformance-set';
import { camunda7NegativeSet } from './camunda7-negative.set';
import { corpusSet } from './corpus.set';
import { miwgReferenceSet } from './miwg-reference.set';
import { paed01ExecutionSet } from './paed01';
import { paed01LenientSet } from './paed01-lenient.set';

/** The sets `npm run conformance` runs, in order. Add a set: one file in this folder, one line here. */
export const CONFORMANCE_SETS: readonly ConformanceSet[] = [miwgReferenceSet, corpusSet, camunda7NegativeSet, paed01LenientSet, paed01ExecutionSet];
