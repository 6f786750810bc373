"""Shared helpers for the problem generators (problems/<slug>/gen.py).

Each gen.py writes its problem's large.jsonl deterministically:

    cd problems/<slug> && python3 gen.py > large.jsonl

and imports what they all need from here: a small seeded PRNG (so the output never
depends on Python's `random` module or version), the JSON-line emitter, and a loader
for the problem's reference Solution. The linked-list and tree problems also find here
the judge's ListNode and TreeNode, the converters between them and their JSON arrays,
and small random trees for small(rng). The app's loader skips folders whose names start
with "_", so problems/_gen is not taken for a problem.

Anything changed here changes the generated files: keep every output byte-identical.
`codify problems check` runs small(rng) against the copy of this file built into the binary,
so a gen.py that imports a new helper needs the binary rebuilt before it can be checked.
"""
import builtins
import importlib.util
import json
import os
import sys

MASK = (1 << 64) - 1


class XorShift64:
    """64-bit xorshift PRNG (shifts 13, 7, 17); a seed of 0 is replaced by 1."""

    def __init__(self, seed):
        self.s = seed & MASK or 1

    def next(self):
        """The next raw 64-bit value."""
        x = self.s
        x ^= (x << 13) & MASK
        x ^= x >> 7
        x ^= (x << 17) & MASK
        self.s = x
        return x

    def below(self, n):
        """An integer in [0, n)."""
        return self.next() % n

    def randint(self, lo, hi):
        """An integer in [lo, hi], both ends included."""
        return lo + self.next() % (hi - lo + 1)

    def shuffle(self, a):
        """Fisher-Yates shuffle of the list a, in place."""
        for i in range(len(a) - 1, 0, -1):
            j = self.below(i + 1)
            a[i], a[j] = a[j], a[i]

    def shuffled(self, items):
        """A shuffled copy of items, as a new list."""
        a = list(items)
        self.shuffle(a)
        return a


def emit(inp, expected, compact=True):
    """Print one hidden test with edge "large" as a JSON line.

    compact=True writes no spaces after "," and ":"; compact=False keeps json's default
    separators (", " and ": "), which some problems' large.jsonl files use.
    """
    line = {"input": inp, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(line, separators=(",", ":") if compact else None))


def load_solution(gen_file):
    """Return the reference Solution class from solution.py next to gen_file (pass __file__)."""
    return load_class(gen_file, "Solution")


def load_class(gen_file, name):
    """Return the class `name` (LRUCache, Trie, Codec, ...) from solution.py next to gen_file.

    `codify problems check` loads gen.py to call its small(rng) without the reference at hand: there
    load_solution and load_class return None, so call them at module level only to bind a name, and use
    the class inside main() alone.
    """
    path = os.path.join(os.path.dirname(os.path.abspath(gen_file)), "solution.py")
    spec = importlib.util.spec_from_file_location("solution", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["solution"] = module
    spec.loader.exec_module(module)
    return getattr(module, name)


class ListNode:
    """The judge's singly linked list node, under the name solutions use."""

    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class TreeNode:
    """The judge's binary tree node, under the name solutions use."""

    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def install_nodes():
    """Put ListNode and TreeNode into builtins, as the judge does; call it before loading solution.py."""
    builtins.ListNode = ListNode
    builtins.TreeNode = TreeNode


def array_to_list(values):
    """The linked list of values (None for []), as the judge builds it."""
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head


def list_to_array(head):
    """A linked list's values from head to tail (the judge's form)."""
    out = []
    while head is not None:
        out.append(head.val)
        head = head.next
    return out


def array_to_tree(arr):
    """The tree of a level-order array with None for missing children, as the judge builds it."""
    if not arr:
        return None
    root = TreeNode(arr[0])
    queue, qi, i = [root], 0, 1
    while i < len(arr):
        node = queue[qi]
        qi += 1
        for side in ("left", "right"):
            if i < len(arr) and arr[i] is not None:
                child = TreeNode(arr[i])
                setattr(node, side, child)
                queue.append(child)
            i += 1
    return root


def tree_to_array(root):
    """A tree as a level-order array with None for missing children, trailing Nones dropped (the judge's form)."""
    out, queue, qi = [], [root], 0
    while qi < len(queue):
        node = queue[qi]
        qi += 1
        if node is None:
            out.append(None)
            continue
        out.append(node.val)
        queue.append(node.left)
        queue.append(node.right)
    while out and out[-1] is None:
        out.pop()
    return out


def small_tree(rng, n, lo, hi):
    """A random tree of n nodes, values in lo..hi: a random shape, a left / right / zigzag path, or complete."""
    if n == 0:
        return None
    nodes = [TreeNode(rng.randint(lo, hi)) for _ in range(n)]
    kind = rng.below(7)
    for i in range(1, n):
        child = nodes[i]
        if kind == 0:  # left path
            nodes[i - 1].left = child
        elif kind == 1:  # right path
            nodes[i - 1].right = child
        elif kind == 2:  # path turning at random
            setattr(nodes[i - 1], "left" if rng.below(2) else "right", child)
        elif kind == 3:  # complete tree
            setattr(nodes[(i - 1) // 2], "left" if i % 2 else "right", child)
        else:  # any free child slot of the nodes placed so far
            free = [(p, s) for p in nodes[:i] for s in ("left", "right") if getattr(p, s) is None]
            p, s = free[rng.below(len(free))]
            setattr(p, s, child)
    return nodes[0]


def random_tree_shape(rng, n):
    """(root, nodes in pre-order) of a random n-node shape, values None: random splits or a random/straight path."""
    style = rng.below(4)  # 0, 1: random splits; 2: a path turning at random; 3: a straight path
    side = rng.below(2)
    nodes = []

    def make(size):
        if size == 0:
            return None
        if style < 2:
            left = rng.below(size)
        elif style == 2:
            left = (size - 1) * rng.below(2)
        else:
            left = (size - 1) * side
        node = TreeNode(None)
        nodes.append(node)
        node.left = make(left)
        node.right = make(size - 1 - left)
        return node

    return make(n), nodes


def path_tree(rng, n, value):
    """n nodes, each the only child of the previous one on a random side; value(rng) draws each value."""
    root = node = TreeNode(value(rng))
    for _ in range(n - 1):
        child = TreeNode(value(rng))
        if rng.below(2):
            node.left = child
        else:
            node.right = child
        node = child
    return root


def complete_tree(rng, n, value):
    """The complete tree of n nodes (every level full but the last, filled from the left)."""
    nodes = [TreeNode(value(rng)) for _ in range(n)]
    for i in range(1, n):
        parent = nodes[(i - 1) // 2]
        if i % 2:
            parent.left = nodes[i]
        else:
            parent.right = nodes[i]
    return nodes[0]


def clone_tree(node):
    """A copy of the tree under node, made of new nodes."""
    return None if node is None else TreeNode(node.val, clone_tree(node.left), clone_tree(node.right))


def tree_slots(root):
    """Every (parent, side, node) child slot under root, in pre-order; parent None stands for the root itself."""
    out, stack = [], [(None, None, root)]
    while stack:
        parent, side, node = stack.pop()
        out.append((parent, side, node))
        if node is not None:
            stack.append((node, "right", node.right))
            stack.append((node, "left", node.left))
    return out


def edited_tree(rng, root, lo, hi):
    """A copy of root with one small edit (a value, a leaf removed or added, children swapped); may equal root."""
    root = clone_tree(root)
    every = tree_slots(root)
    kind = rng.below(4)
    if kind == 0 and root is not None:  # change one value
        nodes = [n for _, _, n in every if n is not None]
        node = nodes[rng.below(len(nodes))]
        node.val = rng.randint(lo, hi) if rng.below(2) else (node.val + 1 if node.val < hi else node.val - 1)
        return root
    if kind == 1 and root is not None:  # remove one leaf
        leaves = [(p, s) for p, s, n in every if n is not None and n.left is None and n.right is None]
        p, s = leaves[rng.below(len(leaves))]
        if p is None:
            return None
        setattr(p, s, None)
        return root
    if kind == 2 and root is not None:  # swap the two children of one node
        inner = [n for _, _, n in every if n is not None and (n.left is not None or n.right is not None)]
        if inner:
            node = inner[rng.below(len(inner))]
            node.left, node.right = node.right, node.left
            return root
    # add one leaf in an empty slot
    empty = [(p, s) for p, s, n in every if n is None]
    p, s = empty[rng.below(len(empty))]
    leaf = TreeNode(rng.randint(lo, hi))
    if p is None:
        return leaf
    setattr(p, s, leaf)
    return root



def bushy_spine(rng, n, lo, hi):
    """n nodes (values lo..hi): a spine of n/2 nodes that turns left or right at random, with a leaf on
    the other side of every spine node, so that the tree is n/2 levels deep and almost every node has two
    children; the deepest leaf ends the spine."""
    root = cur = TreeNode(rng.randint(lo, hi))
    count = 1
    while count < n:
        nxt = TreeNode(rng.randint(lo, hi))
        count += 1
        leaf = None
        if count < n:
            leaf = TreeNode(rng.randint(lo, hi))
            count += 1
        if rng.below(2):
            cur.left, cur.right = nxt, leaf
        else:
            cur.left, cur.right = leaf, nxt
        cur = nxt
    return root


# --- prerequisite graphs (course-schedule, course-schedule-ii) ---

def chain_plan(rng, n, m, close_cycle):
    """m distinct pairs on n courses. A hidden order `perm` is a single chain (perm[k + 1] needs
    perm[k]), so the schedule is n courses deep; the other pairs point forward along the order.
    With close_cycle, the last chain link is doubled back (perm[n - 2] also needs perm[n - 1]),
    so the cycle sits at the very end of the order and only the last two courses are stuck."""
    perm = rng.shuffled(range(n))
    pairs = set()
    for k in range(n - 1):
        pairs.add((perm[k + 1], perm[k]))
    if close_cycle:
        pairs.add((perm[n - 2], perm[n - 1]))
    while len(pairs) < m:
        i, j = rng.below(n), rng.below(n)
        if i < j:
            pairs.add((perm[j], perm[i]))
    out = [list(p) for p in sorted(pairs)]
    rng.shuffle(out)
    return out
