// One autocannon run through its API, printing the result as JSON (what `autocannon -j` prints).
// Usage: node bench/cannon.mjs <url> <connections> <seconds> [new-id]
// The command line cannot take `[<id>]` in a URL (its argument parser reads brackets as sub-arguments),
// and the junk-query run needs a fresh id per request. Plain JavaScript: no compiler on the load core.
import autocannon from 'autocannon';

const [url, connections, seconds, newId] = process.argv.slice(2);
if (!url || !connections || !seconds) {
  console.error('usage: cannon.mjs <url> <connections> <seconds> [new-id]');
  process.exit(2);
}
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  idReplacement: newId === 'new-id',
});
process.stdout.write(JSON.stringify(result));
