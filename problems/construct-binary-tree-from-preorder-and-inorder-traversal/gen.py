"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, install_nodes, load_solution, random_tree_shape, tree_to_array  # noqa: E402

install_nodes()
sys.setrecursionlimit(50_000)  # the reference recurses once per level of a 10^4-node chain
Solution = load_solution(__file__)

N = 10_000
MAXV = 10_000


def distinct_values(rng):
    return rng.shuffled(range(-MAXV, MAXV + 1))[:N]


def left_chain(rng):
    # Every node is the left child of the one before: pre-order runs from the top of the chain down,
    # in-order from the bottom up. Each root is the last value of its in-order range, so searching
    # for it costs the whole range, and slicing copies the whole range: n^2 / 2 either way.
    values = distinct_values(rng)
    return values, values[::-1]


def complete_tree(rng):
    # Node i (0-based, heap numbering) has children 2i + 1 and 2i + 2: a complete, shallow tree.
    values = distinct_values(rng)
    pre, ino = [], []

    def walk_pre(i):
        if i < N:
            pre.append(values[i])
            walk_pre(2 * i + 1)
            walk_pre(2 * i + 2)

    def walk_in(i):
        if i < N:
            walk_in(2 * i + 1)
            ino.append(values[i])
            walk_in(2 * i + 2)

    walk_pre(0)
    walk_in(0)
    return pre, ino


def small(rng):
    """One small random tree (1 to 9 distinct values from -6..6) as its pre-order and in-order
    lists, for `problems check`."""
    n = rng.randint(1, 9)
    root, nodes = random_tree_shape(rng, n)
    for node, v in zip(nodes, rng.shuffled(range(-6, 7))[:n]):
        node.val = v
    pre, ino = [], []

    def walk(node):
        if node:
            pre.append(node.val)
            walk(node.left)
            ino.append(node.val)
            walk(node.right)

    walk(root)
    return {"preorder": pre, "inorder": ino}


def main():
    rng = XorShift64(0x9FB21C651E98DF25)
    for make in (left_chain, complete_tree):
        preorder, inorder = make(rng)
        root = Solution().buildTree(list(preorder), list(inorder))
        emit({"preorder": preorder, "inorder": inorder}, tree_to_array(root))


if __name__ == "__main__":
    main()
