// The peer for bench/tokenizer.sh: wink-nlp's tokenizer (and, with
// --sentences, its sentence boundary detection) over the same NUL-separated
// documents, repeated to --mb megabytes, --runs times; prints the median
// MB/s over CPU time and over wall-clock time as JSON.  Needs wink-nlp and
// wink-eng-lite-web-model in bench/peers/node_modules (bench/peers/ensure).
'use strict';
const fs = require('fs');
const path = require('path');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const file = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
const mb = parseFloat(opt('--mb', '50'));
const runs = parseInt(opt('--runs', '5'), 10);
const sentences = args.includes('--sentences');
const modules = path.join(__dirname, 'peers', 'node_modules');
const winkNLP = require(path.join(modules, 'wink-nlp'));
const model = require(path.join(modules, 'wink-eng-lite-web-model'));
// An empty pipe: tokenization only; ['sbd'] adds sentence boundaries.
const nlp = winkNLP(model, sentences ? ['sbd'] : []);

const docs = fs.readFileSync(file, 'utf8').split('\0').filter((d) => d.length);
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d, 'utf8'), 0);
const repeat = Math.ceil((mb * 1e6) / bytes);
// Rates over CPU time (user + system of the process, like the weft bench's
// thread CPU time on a shared machine) and over wall-clock time.
const rates = [];
const wallRates = [];
let tokens = 0;
for (let r = 0; r < runs; r++) {
  tokens = 0;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for (let k = 0; k < repeat; k++) {
    for (const d of docs) tokens += nlp.readDoc(d).tokens().length();
  }
  const c = process.cpuUsage(c0);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  rates.push((bytes * repeat) / 1e6 / ((c.user + c.system) / 1e6));
  wallRates.push((bytes * repeat) / 1e6 / seconds);
}
rates.sort((a, b) => a - b);
wallRates.sort((a, b) => a - b);
console.log(JSON.stringify({
  bytes: bytes * repeat, tokens, runs, sentences,
  median_mb_s: +rates[runs >> 1].toFixed(1),
  min_mb_s: +rates[0].toFixed(1), max_mb_s: +rates[runs - 1].toFixed(1),
  median_wall_mb_s: +wallRates[runs >> 1].toFixed(1),
}));
