#!/usr/bin/env python3
"""Writes the texts of a JSONL corpus (one {"text": ...} object a line) to
one file, separated by NUL bytes: the input of bench-tokenizer and
wink-tokenize.js.  Usage: tokenizer.py CORPUS.jsonl OUT"""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f, \
        open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        if line.strip():
            out.write(json.loads(line)["text"].replace("\0", " ") + "\0")
