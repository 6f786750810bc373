# Codify judge harness. Runs inside the sandbox as `python3 -S -P -B -c <this file>`.
#
# Protocol (see src/judge/protocol.rs):
# - stdin: messages of a 4-byte little-endian length and marshal data: first the spec {code, kind, class, method,
#   params, output, returns, count, stdout_cap}, then one {id, input} per case, each sent by the judge only after
#   it has read the previous case's frame. Expected answers are never sent here.
# - fd 3: one JSON frame per line: {"t": "loading"} (before the solution's module code runs), {"t": "ready"} | {"t": "compile_error", ...} | {"t": "load_error", ...}
#   then {"t": "case", "id": .., "status": "ok" | "wrong" | "error" | "memory" | "output_limit", ...} per case
#   ("wrong": the answer cannot be read as the declared type, e.g. a cycle where a list is expected),
#   then {"t": "done"}.
# The learner's print() output is captured per case and returned in the frame; it never reaches fd 3.
# The parent decides every verdict and times every case itself (from the input's delivery to the frame's
# arrival): this process only reports the values the solution returned.
import sys

if sys.path and sys.path[0] in ("", "."):
    del sys.path[0]

import os

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


class _RandomNode:
    """LeetCode's `Node` for lists with a random pointer (copy-list-with-random-pointer)."""

    def __init__(self, x=0, next=None, random=None):
        self.val = x
        self.next = next
        self.random = random

    def __repr__(self):
        return "Node(%r)" % (self.val,)


class _GraphNode:
    """LeetCode's `Node` for graphs (clone-graph)."""

    def __init__(self, val=0, neighbors=None):
        self.val = val
        self.neighbors = neighbors if neighbors is not None else []

    def __repr__(self):
        return "Node(%r)" % (self.val,)


for _cls in (_RandomNode, _GraphNode):
    _cls.__name__ = _cls.__qualname__ = "Node"


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


def _build_random_list(pairs):
    nodes = [_RandomNode(p[0]) for p in pairs]
    for i, p in enumerate(pairs):
        if i + 1 < len(nodes):
            nodes[i].next = nodes[i + 1]
        if p[1] is not None:
            nodes[i].random = nodes[p[1]]
    return nodes[0] if nodes else None


def _build_graph(adjacency):
    nodes = [_GraphNode(i + 1) for i in range(len(adjacency))]
    for node, neighbours in zip(nodes, adjacency):
        node.neighbors = [nodes[v - 1] for v in neighbours]
    return nodes[0] if nodes else None


def _inner(t):
    t = t.strip()
    if t.startswith("Optional[") and t.endswith("]"):
        return _inner(t[9:-1])
    return t


_BUILDERS = {"ListNode": _build_list, "TreeNode": _build_tree, "RandomNode": _build_random_list,
             "GraphNode": _build_graph}


def _convert_in(value, t):
    t = _inner(t)
    build = _BUILDERS.get(t)
    if build is not None:
        return None if value is None else build(value)
    if t.startswith("List[") and t.endswith("]") and _inner(t[5:-1]) in _BUILDERS:
        return [_convert_in(v, t[5:-1]) for v in value]
    if t == "float" and type(value) is int:
        return float(value)
    return value


def _nodes_of(root):
    """Every node reachable from `root` through next, left, right, random and neighbors (identity set)."""
    seen, stack = {}, [root]
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen or isinstance(node, (int, float, str, bool)):
            continue
        seen[id(node)] = node
        for attr in ("next", "left", "right", "random"):
            stack.append(getattr(node, attr, None))
        neighbours = getattr(node, "neighbors", None)
        if isinstance(neighbours, list):
            stack.extend(neighbours)
    return seen


def _build_args(inp, params):
    """The call's arguments from a test's input: structures built, cycles linked, nodes resolved."""
    args = [inp.get(p["name"]) if p.get("node_of") else _convert_in(inp.get(p["name"]), p.get("type", ""))
            for p in params]
    by_name = {p["name"]: i for i, p in enumerate(params)}
    for i, p in enumerate(params):
        cycle = p.get("cycle")
        if cycle is not None and args[i] is not None:
            pos = inp.get(cycle, -1)
            if pos is not None and pos >= 0:
                tail, target, k = args[i], None, 0
                while True:
                    if k == pos:
                        target = tail
                    if tail.next is None:
                        break
                    tail, k = tail.next, k + 1
                tail.next = target
        owner = p.get("node_of")
        if owner is not None:
            args[i] = _find_node(args[by_name[owner]], inp.get(p["name"]))
    return args


def _find_node(root, value):
    queue, qi = [root], 0
    while qi < len(queue):
        node = queue[qi]
        qi += 1
        if node is None:
            continue
        if node.val == value:
            return node
        queue.append(node.left)
        queue.append(node.right)
    return None


# --- values out: Python -> JSON, without trusting the objects ------------------------------------

class _BadValue(Exception):
    pass


def _attr(node, name, kind):
    try:
        return getattr(node, name)
    except AttributeError:
        raise _BadValue("expected a %s (or None) but got a %s, which has no `%s`"
                        % (kind, type(node).__name__, name)) from None


def _list_out(node):
    out = []
    seen = set()
    while node is not None:
        if id(node) in seen:
            raise _BadValue("the returned linked list has a cycle (node %d points back)" % len(out))
        seen.add(id(node))
        if len(out) >= _MAX_NODES:
            raise _BadValue("the returned linked list has more than %d nodes" % _MAX_NODES)
        out.append(_to_json(_attr(node, "val", "ListNode"), 1))
        node = _attr(node, "next", "ListNode")
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
        if id(node) in seen:
            raise _BadValue("the returned tree has a cycle: a node is reachable twice")
        seen.add(id(node))
        if len(seen) > _MAX_NODES:
            raise _BadValue("the returned tree has more than %d nodes" % _MAX_NODES)
        out.append(_to_json(_attr(node, "val", "TreeNode"), 1))
        queue.append(_attr(node, "left", "TreeNode"))
        queue.append(_attr(node, "right", "TreeNode"))
    while out and out[-1] is None:
        out.pop()
    return out


def _random_list_out(head):
    nodes, index = [], {}
    node = head
    while node is not None:
        if id(node) in index:
            raise _BadValue("the returned list has a cycle (node %d points back)" % len(nodes))
        if len(nodes) >= _MAX_NODES:
            raise _BadValue("the returned list has more than %d nodes" % _MAX_NODES)
        index[id(node)] = len(nodes)
        nodes.append(node)
        node = _attr(node, "next", "Node")
    out = []
    for i, node in enumerate(nodes):
        target = _attr(node, "random", "Node")
        if target is not None and id(target) not in index:
            raise _BadValue("the random pointer of node %d points at a node that is not in the returned list" % i)
        out.append([_to_json(_attr(node, "val", "Node"), 1), None if target is None else index[id(target)]])
    return out


def _graph_out(start):
    if start is None:
        return []
    by_val, queue, qi, seen = {}, [start], 0, set()
    while qi < len(queue):
        node = queue[qi]
        qi += 1
        if id(node) in seen:
            continue
        seen.add(id(node))
        if len(seen) > _MAX_NODES:
            raise _BadValue("the returned graph has more than %d nodes" % _MAX_NODES)
        val = _to_json(_attr(node, "val", "Node"), 1)
        if type(val) is not int or val in by_val:
            raise _BadValue("the returned graph has two nodes with value %r; each value must appear once" % (val,))
        by_val[val] = node
        neighbours = _attr(node, "neighbors", "Node")
        if not isinstance(neighbours, list):
            raise _BadValue("node %r has neighbors of type %s, not a list" % (val, type(neighbours).__name__))
        queue.extend(list.__iter__(neighbours))
    if sorted(by_val) != list(range(1, len(by_val) + 1)):
        raise _BadValue("the returned graph's values are not 1..%d" % len(by_val))
    return [[_to_json(_attr(n, "val", "Node"), 1) for n in list.__iter__(by_val[v].neighbors)]
            for v in range(1, len(by_val) + 1)]


_OUT = {"ListNode": _list_out, "TreeNode": _tree_out, "RandomNode": _random_list_out, "GraphNode": _graph_out}


def _value_out(ret, t):
    """The answer as JSON, read by its declared type `t` (structures by their shape, not their class)."""
    t = _inner(t)
    out = _OUT.get(t)
    if out is not None:
        return out(ret)  # None is the empty structure, written [] in tests
    if t.startswith("List[") and t.endswith("]") and _inner(t[5:-1]) in _OUT and isinstance(ret, list):
        return [_value_out(v, t[5:-1]) for v in list.__iter__(ret)]
    return _to_json(ret, 0)


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
    """The traceback's entries in the learner's file, the last 64 only: a runaway recursion leaves a
    traceback hundreds of thousands of frames long, and formatting all of them would take seconds."""
    import linecache
    from collections import deque

    # Tracebacks quote the learner's own lines (imported here: only failures pay for it).
    linecache.cache[_SOURCE_NAME] = (len(_code), None, _code.splitlines(True), _SOURCE_NAME)

    last = deque(maxlen=64)
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == _SOURCE_NAME:
            last.append((tb.tb_lineno, code.co_name))
        tb = tb.tb_next
    return [_Frame(line, name, linecache.getline(_SOURCE_NAME, line)) for line, name in last]


class _Frame:
    __slots__ = ("lineno", "name", "line")

    def __init__(self, lineno, name, line):
        self.lineno, self.name, self.line = lineno, name, line


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

def _load(compiled, node_class):
    """Runs the solution's module code in a fresh namespace; returns the namespace."""
    builtins_ns = _LazyBuiltins(__builtins__.__dict__ if hasattr(__builtins__, "__dict__") else __builtins__)
    builtins_ns["ListNode"] = ListNode
    builtins_ns["TreeNode"] = TreeNode
    if node_class is not None:
        builtins_ns["Node"] = node_class
    namespace = {"__name__": "solution", "__builtins__": builtins_ns}
    exec(compiled, namespace)
    return namespace


def _node_class(spec):
    types = " ".join([p.get("type", "") for p in spec.get("params", [])] + [spec.get("returns") or ""])
    if "RandomNode" in types:
        return _RandomNode
    if "GraphNode" in types:
        return _GraphNode
    return None


class _Original:
    """The input a deep copy is made of, as it was before the call: its nodes and its JSON form."""

    __slots__ = ("nodes", "shape", "arg", "type")

    def __init__(self, arg, type_):
        self.nodes = _nodes_of(arg)
        self.shape = _value_out(arg, type_)
        self.arg = arg
        self.type = type_


def _check_identity(spec, args, by_name, ret, original):
    """Node-identity rules: an answer that must be a node of an input, or must be a deep copy of one (no
    node shared, and the input left as it was: a copy may borrow the input's links on the way, as the
    interleaving technique does, but must restore them)."""
    owner = spec.get("returns_node_of")
    if owner is not None:
        if ret is None:
            return None
        if id(ret) not in _nodes_of(args[by_name[owner]]):
            raise _BadValue("the returned node is not a node of `%s`: return one of the tree's own nodes, "
                            "not a new node with the same value" % owner)
        return _to_json(_attr(ret, "val", "TreeNode"), 1)
    if original is not None:
        shared = original.nodes.keys() & _nodes_of(ret).keys()
        if shared:
            raise _BadValue("the answer is not a deep copy: %d of its nodes are nodes of the input `%s`; "
                            "build new nodes" % (len(shared), spec["deep_copy_of"]))
        try:
            same = _value_out(original.arg, original.type) == original.shape
        except _BadValue:
            same = False
        if not same:
            raise _BadValue("the input `%s` was changed by the call; a copy must leave the original as it was"
                            % spec["deep_copy_of"])
    return _MISSING


_MISSING = object()


def main():
    import marshal

    stdin = sys.stdin.buffer

    def receive():
        # One message: a 4-byte little-endian length, then that many bytes of marshal data.
        size = int.from_bytes(stdin.read(4), "little")
        return marshal.loads(stdin.read(size))

    spec = receive()
    code = spec["code"]
    kind = spec.get("kind", "function")
    cls_name = spec.get("class", "Solution")
    methods = spec.get("methods") or []
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

    node_class = _node_class(spec)
    capture = _Capture(keep, budget)
    real_stdout = sys.stdout
    _send({"t": "loading"})
    sys.stdout = capture
    try:
        namespace = _load(compiled, node_class)
        # A codec decodes in a second, fresh copy of the module, so an encoder cannot hand the input over
        # in a module or class variable: the encoded text is the only thing that crosses.
        decoder_ns = _load(compiled, node_class) if kind == "codec" else namespace
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
    wanted = [spec["method"]] if kind == "function" else (methods if kind == "codec" else [])
    shape = "%s().%s(...)" % (cls_name, wanted[0] if wanted else "...")
    if not isinstance(cls, type):
        _send({"t": "compile_error", "message": "no class `%s` is defined; the judge calls %s" % (cls_name, shape),
               "line": None, "col": None})
        return
    for name in wanted:
        if not callable(getattr(cls, name, None)):
            _send({"t": "compile_error", "message": "class `%s` has no method `%s`; the judge calls %s().%s(...)"
                   % (cls_name, name, cls_name, name), "line": None, "col": None})
            return
    decoder_cls = decoder_ns.get(cls_name)

    _send({"t": "ready"})
    params = spec.get("params", [])
    by_name = {p["name"]: i for i, p in enumerate(params)}
    output = spec.get("output")
    returns = spec.get("returns") or ""
    out_index = by_name.get(output) if output is not None else None
    copy_of = spec.get("deep_copy_of")

    # Each case's input arrives only after the previous case's frame was read by the judge, so a solution
    # never holds a later (or hidden) input.
    for _ in range(spec["count"]):
        case = receive()
        frame = {"t": "case", "id": case["id"]}
        capture = _Capture(keep, budget)
        try:
            inp = case["input"]
            if kind == "design":
                args = [_convert_in(a, "") for a in inp["args"]]
                sys.stdout = capture
                results = []
                obj = None
                for i, op in enumerate(inp["ops"]):
                    if i == 0:
                        obj = cls(*args[0])
                        results.append(None)
                    else:
                        results.append(getattr(obj, op)(*args[i]))
                sys.stdout = real_stdout
                value = [_to_json(r, 1) for r in results]
            elif kind == "codec":
                args = _build_args(inp, params)
                before = _Original(args[0], params[0].get("type", "")) if copy_of is not None else None
                sys.stdout = capture
                encoded = getattr(cls(), methods[0])(args[0])
                if type(encoded) is not str:
                    sys.stdout = real_stdout
                    raise _BadValue("%s must return a str, not a %s" % (methods[0], type(encoded).__name__))
                encoded = str.__str__(encoded)
                ret = getattr(decoder_cls(), methods[1])(encoded)
                sys.stdout = real_stdout
                _check_identity(spec, args, by_name, ret, before)
                value = _value_out(ret, params[0].get("type", ""))
            else:
                args = _build_args(inp, params)
                source = by_name.get(copy_of)
                before = _Original(args[source], params[source].get("type", "")) if copy_of is not None else None
                sys.stdout = capture
                ret = getattr(cls(), spec["method"])(*args)
                sys.stdout = real_stdout
                if out_index is not None:
                    value = _value_out(args[out_index], params[out_index].get("type", ""))
                elif returns == "None":
                    value = None
                else:
                    value = _check_identity(spec, args, by_name, ret, before)
                    if value is _MISSING:
                        value = _value_out(ret, returns)
            frame.update(status="ok", value=value)
        except _OutputLimit:
            sys.stdout = real_stdout
            frame.update(status="output_limit")
        except MemoryError as e:
            sys.stdout = real_stdout
            frame.update(status="memory", error=_error(e))
        except OSError as e:
            sys.stdout = real_stdout
            # mmap and friends refuse memory past the limit with ENOMEM rather than MemoryError.
            frame.update(status="memory" if e.errno == 12 else "error", error=_error(e))
        except _BadValue as e:
            sys.stdout = real_stdout
            frame.update(status="wrong", error={"type": "BadReturnValue", "message": str(e), "line": None,
                                                "traceback": ""})
        except BaseException as e:
            sys.stdout = real_stdout
            frame.update(status="error", error=_error(e))
        budget[0] -= capture.written
        frame["stdout"] = capture.text()
        if capture.truncated:
            frame["stdout_truncated"] = True
        try:
            _send(frame)
        except (TypeError, ValueError) as e:
            _send({"t": "case", "id": case["id"], "status": "error", "stdout": "",
                   "error": {"type": "BadReturnValue", "message": "the returned value cannot be written: %s" % e,
                             "line": None, "traceback": ""}})
    _send({"t": "done"})


# Deep recursion: solutions run on a thread with a large stack (the parent adds it to the address-space
# limit), so a recursive DFS over a 10^5-node chain or a memoised recursion over 10^5 states runs, and the
# recursion limit is reached (RecursionError, a clear runtime error) before the stack is exhausted.
_STACK_BYTES = 256 << 20
sys.setrecursionlimit(250_000)


def _run_on_big_stack():
    import _thread

    finished = _thread.allocate_lock()
    finished.acquire()

    def body():
        try:
            main()
        finally:
            finished.release()

    try:
        _thread.stack_size(_STACK_BYTES)
        try:
            _thread.start_new_thread(body, ())
        finally:
            _thread.stack_size(0)  # threads the solution starts get the usual stack size
    except (RuntimeError, ValueError, MemoryError):
        sys.setrecursionlimit(20_000)  # the main thread's stack only: keep the old, safe limit
        main()
        return
    finished.acquire()


_run_on_big_stack()
_results.flush()
os._exit(0)
