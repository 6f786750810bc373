"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 50_000
LO, HI = -10_000, 10_000
K = 1_000


def main():
    rng = XorShift64(0x8CB92BA72F3D8DD7)
    # Every value in [-10^4, 10^4] occurs (20001 distinct values). K of them occur at least
    # 3 times, all others once or twice, so the top K is unique. Counting each distinct value
    # with a separate scan of the list costs about n * 20001 steps.
    values = list(range(LO, HI + 1))
    rng.shuffle(values)
    top, rest = values[:K], values[K:]
    freq = {v: 3 + rng.below(37) for v in top}
    for v in rest:
        freq[v] = 1 + rng.below(2)
    total = sum(freq.values())
    i = 0
    while total > N:  # turn some twos into ones
        v = rest[i]
        if freq[v] == 2:
            freq[v] = 1
            total -= 1
        i += 1
    while total < N:  # give the top values more copies
        freq[top[rng.below(K)]] += 1
        total += 1
    nums = [v for v in values for _ in range(freq[v])]
    rng.shuffle(nums)
    emit({"nums": nums, "k": K}, Solution().topKFrequent(list(nums), K))


def small(rng):
    """A short list (values -3..3) and a k for which the set of k most frequent values is unique."""
    while True:
        n = rng.randint(1, 9)
        nums = [rng.randint(-3, 3) for _ in range(n)]
        counts = {}
        for v in nums:
            counts[v] = counts.get(v, 0) + 1
        by_count = sorted(counts.values(), reverse=True)
        # k works when the k-th largest count is strictly above the (k+1)-th (or k is everything)
        ks = [k for k in range(1, len(by_count) + 1) if k == len(by_count) or by_count[k - 1] > by_count[k]]
        if ks:
            return {"nums": nums, "k": ks[rng.below(len(ks))]}


if __name__ == "__main__":
    main()
