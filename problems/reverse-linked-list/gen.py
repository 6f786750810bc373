"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, array_to_list, emit, install_nodes, list_to_array, load_solution  # noqa: E402

install_nodes()
Solution = load_solution(__file__)

N = 15_000


def small(rng):
    """A short list (0 to 8 nodes): distinct values half the time, else a narrow range with repeats."""
    n = rng.randint(0, 8)
    if rng.below(2):
        values = rng.shuffled(range(-3, n - 3))
    else:
        values = [rng.randint(-3, 3) for _ in range(n)]
    return {"head": values}


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    # The longest allowed list with values over the whole allowed range. Detaching the last node
    # again and again (walking to the end each time) costs about N^2 / 2 steps.
    values = [rng.randint(-5000, 5000) for _ in range(N)]
    emit({"head": values}, list_to_array(Solution().reverseList(array_to_list(values))))


if __name__ == "__main__":
    main()
