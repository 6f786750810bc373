"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 50_000  # n; the list has n + 1 entries


def long_chain(rng):
    # Build the walk 0 -> a1 -> a2 -> ... -> aN explicitly, where a1..aN is an ordering of all values
    # 1..N, and close it with nums[aN] = d = a_M: a tail of M steps feeding a cycle of N - M + 1 nodes,
    # so the tortoise and hare walk the whole list. The chain ends at index N (the last position) and
    # enters the cycle from index N // 2, so the two copies of d sit in the middle and at the very end,
    # and d itself is a middle value: checking pairs from either end or counting each candidate value
    # does quadratic work before reaching it.
    M = N // 2 + 1
    d = N // 2 + 7
    q = N // 2  # index a_{M-1}, the first position holding d
    fixed = {M - 1: q, M: d, N: N}
    rest = rng.shuffled(v for v in range(1, N + 1) if v not in fixed.values())
    chain = [0] * (N + 1)  # chain[i] = a_i; chain[0] = index 0
    it = iter(rest)
    for i in range(1, N + 1):
        chain[i] = fixed[i] if i in fixed else next(it)
    nums = [0] * (N + 1)
    for i in range(N):
        nums[chain[i]] = chain[i + 1]
    nums[chain[N]] = d
    return nums


def small(rng):
    """n + 1 values in 1..n (n from 1 to 7): one value repeated two or more times, the rest distinct."""
    n = rng.randint(1, 7)
    d = rng.randint(1, n)
    copies = rng.randint(2, n + 1)
    others = rng.shuffled(v for v in range(1, n + 1) if v != d)[: n + 1 - copies]
    return {"nums": rng.shuffled([d] * copies + others)}


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    nums = long_chain(rng)
    emit({"nums": nums}, Solution().findDuplicate(list(nums)))


if __name__ == "__main__":
    main()
