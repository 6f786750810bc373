"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, array_to_list, emit, install_nodes, list_to_array, load_solution  # noqa: E402

install_nodes()
Solution = load_solution(__file__)

N = 15_000


def number(rng, length):
    # Random digits, ones digit first; the most significant (last) digit is not 0.
    return [rng.below(10) for _ in range(length - 1)] + [1 + rng.below(9)]


def small(rng):
    """Two small numbers, ones digit first, with no leading zeros (0 itself is the single node 0)."""

    def digit():
        # Many 9s, so that carries ripple through several columns and run out at varying places.
        return 9 if rng.below(3) == 0 else rng.below(10)

    def number():
        if rng.below(6) == 0:
            return [0]
        length = rng.randint(1, 5)
        return [digit() for _ in range(length - 1)] + [9 if rng.below(3) == 0 else rng.randint(1, 9)]

    return {"l1": number(), "l2": number()}


def main():
    rng = XorShift64(0x8EBC6AF09C88C6E3)
    cases = [
        # Two numbers of the maximal length whose top digits overflow into a new final digit.
        (number(rng, N - 1) + [9], number(rng, N - 1) + [8]),
        # A carry that ripples through every digit of the long number: 99...9 + 1.
        ([9] * N, [1]),
    ]
    for a, b in cases:
        # Appending each new digit by walking the result from its head costs about N^2 / 2 steps.
        emit({"l1": a, "l2": b}, list_to_array(Solution().addTwoNumbers(array_to_list(a), array_to_list(b))))


if __name__ == "__main__":
    main()
