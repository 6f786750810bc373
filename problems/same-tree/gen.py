"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, install_nodes, load_solution  # noqa: E402
from genlib import TreeNode, array_to_tree, clone_tree, edited_tree, small_tree, tree_to_array  # noqa: E402

install_nodes()
sys.setrecursionlimit(20000)  # the judge's limit
Solution = load_solution(__file__)

N = 10_000


def right_chain(rng):
    # Every node hangs on the right of the one before: 10^4 levels deep.
    root = cur = TreeNode(rng.randint(-100, 100))
    for _ in range(N - 1):
        cur.right = TreeNode(rng.randint(-100, 100))
        cur = cur.right
    return tree_to_array(root)


def right_spine_with_leaves(rng):
    # A right-going spine of 5001 nodes; every spine node but the last two also has a left leaf.
    # The last spine node is the deepest node and the last one reached in pre-order and level order.
    root = cur = TreeNode(rng.randint(-100, 100))
    count = 1
    while count < N:
        if count + 1 < N:
            cur.left = TreeNode(rng.randint(-100, 100))
            count += 1
        cur.right = TreeNode(rng.randint(-100, 100))
        cur = cur.right
        count += 1
    return tree_to_array(root)


def small(rng):
    """Two small trees (0-8 nodes, values -2..2) for `codify problems check`: mostly q is a copy of p,
    as it is or with one small edit; sometimes an unrelated tree of the same or any size."""
    n = rng.randint(0, 8)
    p = small_tree(rng, n, -2, 2)
    kind = rng.below(8)
    if kind < 2:
        q = clone_tree(p)
    elif kind < 6:
        q = edited_tree(rng, p, -2, 2)
    elif kind == 6:
        q = small_tree(rng, n, -2, 2)
    else:
        q = small_tree(rng, rng.randint(0, 8), -2, 2)
    return {"p": tree_to_array(p), "q": tree_to_array(q)}


def main():
    rng = XorShift64(0xE7037ED1A0B428DB)
    sol = Solution()
    # Identical 10^4-node chains: nothing to stop early on, every pair must be compared.
    p = right_chain(rng)
    q = list(p)
    emit({"p": p, "q": q}, sol.isSameTree(array_to_tree(p), array_to_tree(q)))
    # Identical except for the value of the very last node.
    p = right_spine_with_leaves(rng)
    q = list(p)
    q[-1] = p[-1] + 1 if p[-1] < 100 else p[-1] - 1
    emit({"p": p, "q": q}, sol.isSameTree(array_to_tree(p), array_to_tree(q)))


if __name__ == "__main__":
    main()
