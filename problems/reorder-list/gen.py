"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, array_to_list, emit, install_nodes, list_to_array, load_solution  # noqa: E402

install_nodes()
Solution = load_solution(__file__)

N = 50_000


def small(rng):
    """A short list (1 to 8 nodes): distinct values half the time, so every misplaced node shows."""
    n = rng.randint(1, 8)
    if rng.below(2):
        values = rng.shuffled(range(1, n + 1))
    else:
        values = [rng.randint(1, 3) for _ in range(n)]
    return {"head": values}


def main():
    rng = XorShift64(0xA0761D6478BD642F)
    # The longest allowed list. Fetching the current last node by walking from the front for
    # every step costs about N^2 / 4 steps. (One case keeps the file under 400 KB; odd lengths
    # are covered by the small tests.)
    values = [rng.randint(1, 1000) for _ in range(N)]
    head = array_to_list(values)
    Solution().reorderList(head)
    emit({"head": values}, list_to_array(head))


if __name__ == "__main__":
    main()
