"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, array_to_list, emit, install_nodes, list_to_array, load_solution  # noqa: E402

install_nodes()
Solution = load_solution(__file__)

N = 10_000


def small(rng):
    """A short list (1 to 9 nodes) and a k from 1 to its length; distinct values half the time."""
    n = rng.randint(1, 9)
    if rng.below(2):
        values = rng.shuffled(range(n))
    else:
        values = [rng.randint(0, 3) for _ in range(n)]
    return {"head": values, "k": rng.randint(1, n)}


def main():
    rng = XorShift64(0x3C6EF372FE94F82B)
    # k = 1: 10^4 one-node blocks (nothing moves), so finding each block by walking from the head
    #        is quadratic.
    # k = 2: n = 9999, so a single leftover node ends the list, after almost 5000 blocks.
    # k = n: one block of every node, so reversing a block in O(k^2) is quadratic too.
    for n, k in ((N, 1), (N - 1, 2), (N, N)):
        head = [rng.randint(0, 1000) for _ in range(n)]
        emit({"head": head, "k": k}, list_to_array(Solution().reverseKGroup(array_to_list(head), k)))


if __name__ == "__main__":
    main()
