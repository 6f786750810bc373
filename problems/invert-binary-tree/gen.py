"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, install_nodes, load_solution  # noqa: E402
from genlib import TreeNode, array_to_tree, bushy_spine, small_tree, tree_to_array  # noqa: E402

install_nodes()
sys.setrecursionlimit(20000)  # the judge's limit
Solution = load_solution(__file__)

N = 10_000


def right_chain(rng):
    # Every node hangs on the right of the one before: 10^4 levels deep. Its mirror is a left chain.
    root = cur = TreeNode(rng.randint(-100, 100))
    for _ in range(N - 1):
        cur.right = TreeNode(rng.randint(-100, 100))
        cur = cur.right
    return root


def bushy(rng):
    return bushy_spine(rng, N, -100, 100)


def small(rng):
    """One small random tree (0-9 nodes, values -3..3), for `codify problems check`."""
    return {"root": tree_to_array(small_tree(rng, rng.randint(0, 9), -3, 3))}


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    for make in (right_chain, bushy):
        arr = tree_to_array(make(rng))
        emit({"root": arr}, tree_to_array(Solution().invertTree(array_to_tree(arr))))


if __name__ == "__main__":
    main()
