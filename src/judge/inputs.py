# Codify input generator runner: draws small random inputs from a problem's gen.py, in a sandboxed process
# of its own. gen.py is trusted-ish (it ships with the problem) but a learner's own problem folder is not,
# so it runs with the same limits as a solution.
# stdin: {"genlib": <source of problems/_gen/genlib.py>, "gen": <source of gen.py>, "seed": int, "count": int}
# fd 3: {"t": "inputs", "inputs": [...]} or {"t": "inputs", "error": "..."}
import sys

if sys.path and sys.path[0] in ("", "."):
    del sys.path[0]
import json
import os
import types

out = os.fdopen(3, "w", encoding="utf-8")
spec = json.loads(sys.stdin.buffer.read())
try:
    genlib = types.ModuleType("genlib")
    exec(compile(spec["genlib"], "genlib.py", "exec"), genlib.__dict__)
    # The generator's module code may ask for the reference, which is not here.
    genlib.load_solution = lambda *_args: None
    genlib.load_class = lambda *_args: None
    sys.modules["genlib"] = genlib
    namespace = {"__name__": "gen", "__file__": "gen.py"}
    exec(compile(spec["gen"], "gen.py", "exec"), namespace)
    small = namespace.get("small")
    if not callable(small):
        raise LookupError("gen.py defines no small(rng)")
    rng = genlib.XorShift64(spec["seed"])
    inputs = [small(rng) for _ in range(spec["count"])]
    text = json.dumps({"t": "inputs", "inputs": inputs})
except BaseException as e:
    text = json.dumps({"t": "inputs", "error": "%s: %s" % (type(e).__name__, e)})
out.write(text + "\n")
out.flush()
os._exit(0)
