// The peers of bench/run, each doing the work of one weft stage over the
// same JSONL corpus: prints {"task", "peer", "bytes", "docs", "items",
// "seconds": [per run]} as JSON.  Only the processing loop is timed (not
// node's start-up or module loading), which favours the peers.
//
//   node peer.js TASK CORPUS.jsonl RUNS
//   TASK: tokens | dates | quotes | sentiment
'use strict';
const fs = require('fs');
const [task, corpus, runsArg] = process.argv.slice(2);
const runs = parseInt(runsArg || '3', 10);
const docs = fs.readFileSync(corpus, 'utf8').split('\n').filter((l) => l)
  .map((l) => JSON.parse(l));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);

function peerFor(name) {
  if (name === 'tokens') {
    // wink-nlp: tokens and sentence boundaries, as weft's tokenizer gives
    const winkNLP = require('wink-nlp');
    const nlp = winkNLP(require('wink-eng-lite-web-model'), ['sbd']);
    return ['wink-nlp', (d) => nlp.readDoc(d.text).tokens().length()];
  }
  if (name === 'dates') {
    const chrono = require('chrono-node');
    return ['chrono-node', (d) => chrono.parse(d.text, d.date ? new Date(d.date) : new Date()).length];
  }
  if (name === 'quotes') {
    const nlp = require('compromise');
    return ['compromise', (d) => nlp(d.text).quotations().length];
  }
  if (name === 'sentiment') {
    // VADER on every sentence (split by wink-nlp's sbd is not counted:
    // a plain regex split) and on the whole document, as weft does
    const vader = require('vader-sentiment');
    const score = (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t);
    return ['vader-sentiment', (d) => {
      const sentences = d.text.split(/(?<=[.!?])\s+/);
      for (const s of sentences) score(s);
      score(d.text);
      return sentences.length;
    }];
  }
  throw new Error(`unknown task ${name}`);
}

const [peer, work] = peerFor(task);
const seconds = [];
let items = 0;
for (let r = 0; r < runs; r++) {
  items = 0;
  const t0 = process.hrtime.bigint();
  for (const d of docs) items += work(d);
  seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
console.log(JSON.stringify({ task, peer, bytes, docs: docs.length, items, seconds }));
