# Codify judge harness. Runs inside the sandbox as `python3 -S -P -B -c <this file>`.
#
# Protocol (see src/judge/protocol.rs):
# - stdin: the spec in marshal format {code, kind, class, method, params, output, returns, cases: [{id, input}], stdout_cap}.
#   Expected answers are never sent here.
# - fd 3: one JSON frame per line: {"t": "loading"} (before the solution's module code runs), {"t": "ready"} | {"t": "compile_error", ...} | {"t": "load_error", ...}
#   then {"t": "case", "id": .., "status": "ok" | "error" | "memory" | "output_limit", ...} per case,
#   then {"t": "done"}.
# The learner's print() output is captured per case and returned in the frame; it never reaches fd 3.
# The parent decides every verdict: this process only reports the values the solution returned.
import sys

if sys.path and sys.path[0] in ("", "."):
    del sys.path[0]

import os
from time import perf_counter

# Frames are written as JSON through the C accelerator directly: `import json` pulls in `re` and `enum`,
# which costs more than the interpreter's own start. Falls back to the json package where _json is
# missing or different. (The spec arrives in marshal format, which is built in.)
try:
    import _json

    _encode = _json.make_encoder(None, None, _json.encode_basestring, None, ":", ",", False, False, True)

    def _dumps(value):
        return "".join(_encode(value, 0))

    if _dumps({"a": [1, 2.5, None, True, "\u00e9"]}) != '{"a":[1,2.5,null,true,"\u00e9"]}':
        raise ImportError("_json behaves differently")
except Exception:
    import json

    def _dumps(value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_results = os.fdopen(3, "w", encoding="utf-8", buffering=1)
_SOURCE_NAME = "solution.py"
_MAX_NODES = 1_000_000

# Names LeetCode's Python environment provides without imports. They are resolved lazily, on first use,
# so a solution pays only for the modules it touches.
_LAZY = {}
for _mod, _names in {
    "typing": "List Dict Set Tuple Optional Union Any Callable Iterable Iterator Generator Sequence "
    "Mapping FrozenSet Deque DefaultDict OrderedDict Type TypeVar",
    "collections": "deque defaultdict Counter OrderedDict namedtuple ChainMap",
    "heapq": "heappush heappop heapify heappushpop heapreplace nlargest nsmallest",
    "bisect": "bisect bisect_left bisect_right insort insort_left insort_right",
    "functools": "lru_cache cache reduce cmp_to_key partial",
    "itertools": "accumulate permutations combinations combinations_with_replacement product chain "
    "groupby zip_longest count islice pairwise starmap",
    "math": "inf gcd lcm sqrt isqrt ceil floor log log2 log10 comb perm factorial",
    "string": "ascii_lowercase ascii_uppercase ascii_letters digits",
}.items():
    for _n in _names.split():
        _LAZY.setdefault(_n, (_mod, _n))
for _m in ("collections", "heapq", "bisect", "math", "itertools", "functools", "string", "re",
           "random", "operator", "typing", "array", "statistics", "sys"):
    _LAZY[_m] = (_m, None)


class _TypingName:
    """Stands in for a typing name (`List`, `Optional`, ...) so that annotations such as `List[int]` cost
    nothing; any other use (calls, attributes, isinstance) imports typing and forwards to the real one."""

    __slots__ = ("_name",)

    def __init__(self, name):
        self._name = name

    def _real(self):
        return getattr(__import__("typing"), self._name)

    def __getitem__(self, item):
        return self

    def __call__(self, *args, **kwargs):
        return self._real()(*args, **kwargs)

    def __getattr__(self, attr):
        return getattr(self._real(), attr)

    def __instancecheck__(self, obj):
        return isinstance(obj, self._real())

    def __subclasscheck__(self, cls):
        return issubclass(cls, self._real())

    def __or__(self, other):
        return self

    __ror__ = __or__

    def __repr__(self):
        return "typing." + self._name


_ANNOTATION_ONLY = set("List Dict Set Tuple Optional Union Any Callable Iterable Iterator Generator Sequence "
                       "Mapping FrozenSet Deque DefaultDict Type".split())


class _LazyBuiltins(dict):
    def __missing__(self, name):
        spec = _LAZY.get(name)
        if spec is None:
            raise KeyError(name)
        if spec[0] == "typing" and spec[1] in _ANNOTATION_ONLY:
            value = _TypingName(spec[1])
        else:
            mod = __import__(spec[0])
            value = mod if spec[1] is None else getattr(mod, spec[1])
        self[name] = value
        return value


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

    def __repr__(self):
        return "ListNode(%r)" % (self.val,)


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right

    def __repr__(self):
        return "TreeNode(%r)" % (self.val,)


class _OutputLimit(BaseException):
    pass


class _Capture:
    """A stdout that keeps the first `keep` characters and stops the program past `limit` in total."""

    def __init__(self, keep, budget):
        self.parts = []
        self.kept = 0
        self.keep = keep
        self.budget = budget
        self.written = 0
        self.truncated = False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        self.written += len(s)
        if self.written > self.budget[0]:
            raise _OutputLimit()
        room = self.keep - self.kept
        if room > 0:
            part = s[:room]
            self.parts.append(part)
            self.kept += len(part)
        if len(s) > room:
            self.truncated = True
        return len(s)

    def flush(self):
        pass

    def isatty(self):
        return False

    def text(self):
        return "".join(self.parts)


def _send(frame):
    _results.write(_dumps(frame) + "\n")


# --- values in: JSON -> Python, by declared type -------------------------------------------------

def _build_list(arr):
    head = None
    for v in reversed(arr):
        head = ListNode(v, head)
    return head


def _build_tree(arr):
    if not arr or arr[0] is None:
        return None
    root = TreeNode(arr[0])
    queue = [root]
    i, qi = 1, 0
    while i < len(arr) and qi < len(queue):
        node = queue[qi]
        qi += 1
        if i < len(arr) and arr[i] is not None:
            node.left = TreeNode(arr[i])
            queue.append(node.left)
        i += 1
        if i < len(arr) and arr[i] is not None:
            node.right = TreeNode(arr[i])
            queue.append(node.right)
        i += 1
    return root


def _inner(t):
    t = t.strip()
    if t.startswith("Optional[") and t.endswith("]"):
        return _inner(t[9:-1])
    return t


def _convert_in(value, t):
    t = _inner(t)
    if t == "ListNode":
        return None if value is None else _build_list(value)
    if t == "TreeNode":
        return None if value is None else _build_tree(value)
    if t.startswith("List[") and t.endswith("]") and ("ListNode" in t or "TreeNode" in t):
        return [_convert_in(v, t[5:-1]) for v in value]
    if t == "float" and type(value) is int:
        return float(value)
    return value


# --- values out: Python -> JSON, without trusting the objects ------------------------------------

class _BadValue(Exception):
    pass


def _list_out(node):
    out = []
    seen = set()
    while node is not None:
        if not isinstance(node, ListNode):
            raise _BadValue("a linked list contains a %s, not a ListNode" % type(node).__name__)
        if id(node) in seen:
            raise _BadValue("the returned linked list has a cycle (node %d points back)" % len(out))
        seen.add(id(node))
        if len(out) >= _MAX_NODES:
            raise _BadValue("the returned linked list has more than %d nodes" % _MAX_NODES)
        out.append(_to_json(node.val, 0))
        node = node.next
    return out


def _tree_out(root):
    if root is None:
        return []
    out, queue, qi, seen = [], [root], 0, set()
    while qi < len(queue):
        node = queue[qi]
        qi += 1
        if node is None:
            out.append(None)
            continue
        if not isinstance(node, TreeNode):
            raise _BadValue("a tree contains a %s, not a TreeNode" % type(node).__name__)
        if id(node) in seen:
            raise _BadValue("the returned tree has a cycle: a node is reachable twice")
        seen.add(id(node))
        if len(seen) > _MAX_NODES:
            raise _BadValue("the returned tree has more than %d nodes" % _MAX_NODES)
        out.append(_to_json(node.val, 0))
        queue.append(node.left)
        queue.append(node.right)
    while out and out[-1] is None:
        out.pop()
    return out


def _to_json(v, depth):
    # Exact types first; subclasses are reduced to their base value with the base class's own methods,
    # so an object that lies in __eq__, __iter__ or __int__ cannot change what the parent compares.
    if depth > 100:
        raise _BadValue("the returned value is nested more than 100 levels deep")
    if v is None or v is True or v is False:
        return v
    if isinstance(v, bool):
        return bool(int.__int__(v))
    if isinstance(v, int):
        return int.__int__(v)
    if isinstance(v, float):
        f = float.__float__(v)
        if f != f or f in (float("inf"), float("-inf")):
            return repr(f)
        return f
    if isinstance(v, str):
        return str.__str__(v)
    if isinstance(v, (list, tuple)):
        items = list.__iter__(v) if isinstance(v, list) else tuple.__iter__(v)
        return [_to_json(x, depth + 1) for x in items]
    if isinstance(v, (set, frozenset)):
        return [_to_json(x, depth + 1) for x in set.__iter__(set(v))]
    if isinstance(v, ListNode):
        return _list_out(v)
    if isinstance(v, TreeNode):
        return _tree_out(v)
    raise _BadValue("returned a %s, which the judge cannot read as an answer" % type(v).__name__)


# --- errors --------------------------------------------------------------------------------------

_code = ""


def _learner_frames(tb):
    import linecache
    import traceback

    # Tracebacks quote the learner's own lines (imported here: only failures pay for it).
    linecache.cache[_SOURCE_NAME] = (len(_code), None, _code.splitlines(True), _SOURCE_NAME)

    frames = [f for f in traceback.extract_tb(tb) if f.filename == _SOURCE_NAME]
    return frames


def _error(exc):
    frames = _learner_frames(exc.__traceback__)
    lines = ["  line %d, in %s: %s" % (f.lineno, f.name, (f.line or "").strip()) for f in frames[-8:]]
    message = "%s: %s" % (type(exc).__name__, exc) if str(exc) else type(exc).__name__
    return {
        "type": type(exc).__name__,
        "message": message[:2000],
        "line": frames[-1].lineno if frames else None,
        "traceback": "\n".join(lines),
    }


# --- the run -------------------------------------------------------------------------------------

def main():
    import marshal

    spec = marshal.loads(sys.stdin.buffer.read())
    code = spec["code"]
    kind = spec.get("kind", "function")
    cls_name = spec.get("class", "Solution")
    keep = int(spec.get("stdout_keep", 4096))
    budget = [int(spec.get("stdout_cap", 1 << 20))]

    global _code
    _code = code
    try:
        compiled = compile(code, _SOURCE_NAME, "exec", dont_inherit=True)
    except SyntaxError as e:
        _send({"t": "compile_error", "message": "%s: %s" % (type(e).__name__, e.msg),
               "line": e.lineno, "col": e.offset, "text": (e.text or "").rstrip("\n")})
        return
    except (ValueError, MemoryError, RecursionError) as e:
        _send({"t": "compile_error", "message": "%s: %s" % (type(e).__name__, e), "line": None, "col": None})
        return

    builtins_ns = _LazyBuiltins(__builtins__.__dict__ if hasattr(__builtins__, "__dict__") else __builtins__)
    builtins_ns["ListNode"] = ListNode
    builtins_ns["TreeNode"] = TreeNode
    namespace = {"__name__": "solution", "__builtins__": builtins_ns}

    capture = _Capture(keep, budget)
    real_stdout = sys.stdout
    _send({"t": "loading"})
    sys.stdout = capture
    try:
        exec(compiled, namespace)
    except _OutputLimit:
        sys.stdout = real_stdout
        _send({"t": "load_error", "status": "output_limit", "error": {"type": "OutputLimit",
               "message": "printed more than the output limit while loading", "line": None, "traceback": ""}})
        return
    except MemoryError as e:
        sys.stdout = real_stdout
        _send({"t": "load_error", "status": "memory", "error": _error(e)})
        return
    except BaseException as e:
        sys.stdout = real_stdout
        _send({"t": "load_error", "status": "error", "error": _error(e)})
        return
    sys.stdout = real_stdout

    cls = namespace.get(cls_name)
    if not isinstance(cls, type):
        _send({"t": "compile_error", "message": "no class `%s` is defined; the judge calls %s().%s(...)"
               % (cls_name, cls_name, spec.get("method") or "..."), "line": None, "col": None})
        return
    if kind == "function":
        method = spec["method"]
        if not callable(getattr(cls, method, None)):
            _send({"t": "compile_error", "message": "class `%s` has no method `%s`; the judge calls %s().%s(...)"
                   % (cls_name, method, cls_name, method), "line": None, "col": None})
            return

    _send({"t": "ready"})
    params = spec.get("params", [])
    output = spec.get("output")
    returns = spec.get("returns", "")
    out_index = next((i for i, p in enumerate(params) if p["name"] == output), None)

    for case in spec["cases"]:
        frame = {"t": "case", "id": case["id"]}
        capture = _Capture(keep, budget)
        ms = 0.0
        try:
            if kind == "design":
                inp = case["input"]
                args = [_convert_in(a, "") for a in inp["args"]]
                sys.stdout = capture
                t0 = perf_counter()
                results = []
                obj = None
                for i, op in enumerate(inp["ops"]):
                    if i == 0:
                        obj = cls(*args[0])
                        results.append(None)
                    else:
                        results.append(getattr(obj, op)(*args[i]))
                ms = (perf_counter() - t0) * 1000.0
                sys.stdout = real_stdout
                value = [_to_json(r, 1) for r in results]
            else:
                inp = case["input"]
                args = [_convert_in(inp.get(p["name"]), p.get("type", "")) for p in params]
                sys.stdout = capture
                t0 = perf_counter()
                ret = getattr(cls(), method)(*args)
                ms = (perf_counter() - t0) * 1000.0
                sys.stdout = real_stdout
                if out_index is not None:
                    ret = args[out_index]
                elif returns == "None":
                    ret = None
                if ret is None and _inner(returns) in ("ListNode", "TreeNode"):
                    value = []  # an empty list or tree is written as [] in tests
                else:
                    value = _to_json(ret, 0)
            frame.update(status="ok", value=value)
        except _OutputLimit:
            sys.stdout = real_stdout
            frame.update(status="output_limit")
        except MemoryError as e:
            sys.stdout = real_stdout
            frame.update(status="memory", error=_error(e))
        except _BadValue as e:
            sys.stdout = real_stdout
            frame.update(status="error", error={"type": "BadReturnValue", "message": str(e), "line": None,
                                                "traceback": ""})
        except BaseException as e:
            sys.stdout = real_stdout
            frame.update(status="error", error=_error(e))
        budget[0] -= capture.written
        frame["ms"] = round(ms, 3)
        frame["stdout"] = capture.text()
        if capture.truncated:
            frame["stdout_truncated"] = True
        try:
            _send(frame)
        except (TypeError, ValueError) as e:
            _send({"t": "case", "id": case["id"], "status": "error", "ms": frame["ms"], "stdout": "",
                   "error": {"type": "BadReturnValue", "message": "the returned value cannot be written: %s" % e,
                             "line": None, "traceback": ""}})
    _send({"t": "done"})


sys.setrecursionlimit(20000)
main()
_results.flush()
os._exit(0)
