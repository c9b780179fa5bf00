#!/usr/bin/env python3
"""Writes the input of every fixture case (tests/cases/*.json) as a fuzzing seed file."""
import json
import pathlib
import sys

cases, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for case_file in sorted(cases.glob("*.json")):
    case = json.loads(case_file.read_text(encoding="utf-8"))
    text = case.get("inputText")
    if text is None:
        text = json.dumps(case["input"], ensure_ascii=False)
    if len(text) <= 20000:  # the fuzzer's -max_len
        (out / case_file.name).write_text(text, encoding="utf-8")
