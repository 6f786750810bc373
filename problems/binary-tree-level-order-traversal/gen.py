"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, install_nodes, load_solution  # noqa: E402
from genlib import array_to_tree, complete_tree, path_tree, small_tree, tree_to_array  # noqa: E402

install_nodes()
Solution = load_solution(__file__)
sys.setrecursionlimit(20000)  # as the judge does

N = 10_000
MAXV = 1000


def value(rng):
    return rng.randint(-MAXV, MAXV)


def case(sol, root):
    arr = tree_to_array(root)
    emit({"root": arr}, sol.levelOrder(array_to_tree(arr)))


def small(rng):
    """One small random tree (0-9 nodes, values -3..3), for `codify problems check`."""
    return {"root": tree_to_array(small_tree(rng, rng.randint(0, 9), -3, 3))}


def main():
    rng = XorShift64(0x6A09E667F3BCC909)
    sol = Solution()
    # 1. A path of 10^4 nodes (10^4 levels of one node): a solution that walks down from the
    #    root once per level does ~n^2 / 2 steps, and recursion goes 10^4 deep.
    case(sol, path_tree(rng, N, value))
    # 2. A complete tree of 10^4 nodes: levels up to 4096 wide.
    case(sol, complete_tree(rng, N, value))


if __name__ == "__main__":
    main()
