"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, array_to_list, emit, install_nodes, list_to_array, load_solution  # noqa: E402

install_nodes()
Solution = load_solution(__file__)

N = 15_000


def small(rng):
    """A short list (1 to 8 nodes) and an n from 1 to its length; distinct values half the time."""
    length = rng.randint(1, 8)
    if rng.below(2):
        values = rng.shuffled(range(length))
    else:
        values = [rng.randint(0, 3) for _ in range(length)]
    return {"head": values, "n": rng.randint(1, length)}


def main():
    rng = XorShift64(0xE7037ED1A0B428DB)
    # The longest allowed list, with the node to remove next to the end (n = 2) and then the last
    # node itself (n = 1). Measuring, for each node in turn, its distance to the end by walking
    # there costs about N^2 / 2 steps before the target is found.
    for n in (2, 1):
        values = [rng.randint(0, 100) for _ in range(N)]
        emit({"head": values, "n": n}, list_to_array(Solution().removeNthFromEnd(array_to_list(values), n)))


if __name__ == "__main__":
    main()
