"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def number(rng, length, digits):
    """A numeral of `length` digits drawn from `digits`, without a leading zero (or "0")."""
    if length == 1:
        return str(digits[rng.below(len(digits))])
    first = [d for d in digits if d != 0] or [1]
    return str(first[rng.below(len(first))]) + "".join(str(digits[rng.below(len(digits))])
                                                     for _ in range(length - 1))


def small(rng):
    """Numerals of 1..6 digits; a narrow digit set often (zeros inside, all nines), "0" sometimes."""
    out = []
    for _ in range(2):
        choice = rng.below(4)
        if choice == 0:
            digits = [0, 1]
        elif choice == 1:
            digits = [9]
        elif choice == 2:
            digits = [0, 9, 5]
        else:
            digits = list(range(10))
        out.append(number(rng, rng.randint(1, 6), digits))
    return {"num1": out[0], "num2": out[1]}


def main():
    rng = XorShift64(0x3A17C0DE)
    nines = "9" * 200
    emit({"num1": nines, "num2": nines}, Solution().multiply(nines, nines))
    a = number(rng, 200, list(range(10)))
    b = number(rng, 200, list(range(10)))
    emit({"num1": a, "num2": b}, Solution().multiply(a, b))
    emit({"num1": a, "num2": "0"}, Solution().multiply(a, "0"))


if __name__ == "__main__":
    main()
