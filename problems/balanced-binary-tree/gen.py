"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, install_nodes, load_solution  # noqa: E402
from genlib import TreeNode, array_to_tree, small_tree, tree_to_array  # noqa: E402

install_nodes()
sys.setrecursionlimit(20000)  # the judge's limit
Solution = load_solution(__file__)

N = 10_000


MAXV = 10_000


def value(rng):
    return rng.randint(-MAXV, MAXV)


def right_chain(rng):
    # 10^4 levels, out of balance from the root down to the third node from the bottom. A check that
    # measures both heights at every node before looking at its children costs about N^2 / 2 here.
    root = cur = TreeNode(value(rng))
    for _ in range(N - 1):
        cur.right = TreeNode(value(rng))
        cur = cur.right
    return root


def min_nodes(h):
    """Fewest nodes a balanced tree of height h can have."""
    a, b = 0, 1  # heights 0 and 1
    for _ in range(h):
        a, b = b, a + b + 1
    return a


def balanced(rng, n, h):
    """A random balanced tree with exactly n nodes and height exactly h (min_nodes(h) <= n < 2^h)."""
    if n == 0:
        return None
    options = []
    for hl, hr in ((h - 1, h - 1), (h - 1, h - 2), (h - 2, h - 1)):
        if hr < 0 or hl < 0:
            continue
        lo = max(min_nodes(hl), n - 1 - (2**hr - 1))
        hi = min(2**hl - 1, n - 1 - min_nodes(hr))
        if lo <= hi:
            options.append((hl, hr, lo, hi))
    hl, hr, lo, hi = options[rng.below(len(options))]
    nl = rng.randint(lo, hi)
    return TreeNode(value(rng), balanced(rng, nl, hl), balanced(rng, n - 1 - nl, hr))


def tallest_balanced(rng):
    # Balanced (answer True) and as tall as a balanced tree of 10^4 nodes can be: height 18.
    return balanced(rng, N, 18)


def deep_break(rng):
    # A left spine of 75 nodes. Each spine node but the last is in balance: its right child is a
    # plain chain one level shorter than its left side. The last spine node is the first node out of
    # balance that a left-first walk meets: its left side is a balanced bush of height 13 (about 6000
    # nodes) and its right side is empty. (The right-hand chains are out of balance below their second
    # node too.) Top-down checking re-measures the bush once per spine node.
    spine = 75
    bush_height = 13
    chains = sum(bush_height + k for k in range(spine - 1))  # right-chain lengths, bottom to top
    bush = balanced(rng, N - spine - chains, bush_height)
    node = TreeNode(value(rng), bush, None)  # heights 13 and 0
    height = bush_height + 1
    for _ in range(spine - 1):
        top = cur = TreeNode(value(rng))
        for _ in range(height - 2):
            cur.right = TreeNode(value(rng))
            cur = cur.right
        node = TreeNode(value(rng), node, top)  # heights height and height - 1
        height += 1
    return node


def small(rng):
    """One small random tree (0-9 nodes, values -3..3), for `codify problems check`."""
    return {"root": tree_to_array(small_tree(rng, rng.randint(0, 9), -3, 3))}


def main():
    rng = XorShift64(0xA0761D6478BD642F)
    for make in (right_chain, tallest_balanced, deep_break):
        arr = tree_to_array(make(rng))
        emit({"root": arr}, Solution().isBalanced(array_to_tree(arr)))


if __name__ == "__main__":
    main()
