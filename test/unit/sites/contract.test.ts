import { ADAPTERS } from '../../../lib/sites/registry';
import { testAdapterContract } from './adapter-contract';

// Every registered adapter is held to the same contract; adapters-meta.test.ts checks that
// every adapter file is registered, so none escapes it.
for (const adapter of ADAPTERS) testAdapterContract(adapter);
