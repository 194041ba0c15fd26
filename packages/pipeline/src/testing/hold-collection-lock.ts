// Test helper, run as its own process: takes a collection's lock, says "held" on stdout,
// and keeps it until killed. Lets tests kill a holder with SIGKILL mid-hold.
import { withCollectionLock } from '../collection/collection-lock.js';

const collection = process.argv[2];
if (!collection) throw new Error('usage: hold-collection-lock <collection>');
await withCollectionLock(collection, async () => {
  process.stdout.write('held\n');
  // A pending promise alone does not keep Node running; a timer does.
  await new Promise(() => setInterval(() => {}, 60_000));
});
