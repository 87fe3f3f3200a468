// The heap a test retains, not what V8 has yet to collect: a full collection first. Node exposes gc()
// only with --expose-gc; the flag set at run time makes it available to a fresh context.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Bytes of heap in use after a full garbage collection. */
export function retainedHeap(): number {
  gc();
  gc(); // the second one frees what the first one's finalizers released
  return process.memoryUsage().heapUsed;
}
