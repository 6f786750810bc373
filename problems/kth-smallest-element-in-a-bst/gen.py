"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, install_nodes, load_solution  # noqa: E402
from genlib import TreeNode, random_tree_shape, tree_to_array  # noqa: E402

install_nodes()
Solution = load_solution(__file__)

N = 10_000
MAXV = 10_000


def insert_all(values):
    """A BST built by inserting values in the given order (iteratively: chains are deep)."""
    root = None
    for v in values:
        node = TreeNode(v)
        if root is None:
            root = node
            continue
        cur = root
        while True:
            if v < cur.val:
                if cur.left is None:
                    cur.left = node
                    break
                cur = cur.left
            else:
                if cur.right is None:
                    cur.right = node
                    break
                cur = cur.right
    return root


def distinct_values(rng):
    """N distinct values from 0..MAXV (one value of the MAXV + 1 is left out), in random order."""
    values = rng.shuffled(range(MAXV + 1))
    return values[:N]


def small(rng):
    """One small valid BST (1 to 9 distinct values from 0..12, sometimes 0 and 10^4) and a k in
    1..n, for `problems check`."""
    n = rng.randint(1, 9)
    root, nodes = random_tree_shape(rng, n)
    values = sorted(rng.shuffled(range(13))[:n])
    if rng.below(4) == 0:
        values[-1] = MAXV
    ordered = []

    def in_order(node):
        if node:
            in_order(node.left)
            ordered.append(node)
            in_order(node.right)

    in_order(root)
    for node, v in zip(ordered, values):
        node.val = v
    return {"root": tree_to_array(root), "k": rng.randint(1, n)}


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    cases = []
    # 1. A chain leaning left (values inserted largest first), k = 2: the answer sits at the bottom,
    #    n levels down. Counting the left subtree at every step costs n^2 / 2 node visits here.
    values = sorted(distinct_values(rng), reverse=True)
    cases.append((values, 2))
    # 2. A random BST (about 30 levels), k in the middle: finding the "next" value k times by
    #    scanning the whole tree costs n * k.
    values = distinct_values(rng)
    cases.append((values, N // 2 + 17))
    # 3. A chain leaning right (values inserted smallest first), k = n: the answer is the last node.
    values = sorted(distinct_values(rng))
    cases.append((values, N))
    for values, k in cases:
        root = insert_all(values)
        emit({"root": tree_to_array(root), "k": k}, Solution().kthSmallest(root, k))


if __name__ == "__main__":
    main()
