# Codify checker runner: runs a problem's own `check(inp, expected, actual)` over the answers a solution
# gave, in a sandboxed process of its own (the learner's code is never loaded here).
# stdin: {"code": ..., "items": [{"input": .., "expected": .., "actual": ..}]}
# fd 3: {"t": "checked", "results": [true | false | "error text", ...]}
import sys

if sys.path and sys.path[0] in ("", "."):
    del sys.path[0]
import json
import os

out = os.fdopen(3, "w", encoding="utf-8")
spec = json.loads(sys.stdin.buffer.read())
items = spec["items"]
namespace = {"__name__": "checker"}
try:
    exec(compile(spec["code"], "checker.py", "exec"), namespace)
    check = namespace["check"]
    results = []
    for item in items:
        try:
            results.append(check(item["input"], item["expected"], item["actual"]) is True)
        except Exception as e:
            results.append("checker raised %s: %s" % (type(e).__name__, e))
except BaseException as e:
    results = ["checker did not load: %s: %s" % (type(e).__name__, e)] * len(items)
out.write(json.dumps({"t": "checked", "results": results}) + "\n")
out.flush()
os._exit(0)
