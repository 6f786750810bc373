"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 20_000
TOP = 1000


def near_miss(rng, target, finish):
    # Most triplets are safe but stay below the target; many overshoot in exactly one coordinate.
    # The last coordinate is only reached by the final triplet (when `finish` is set), so nothing
    # can stop early and an approach that compares pairs of triplets does about n^2 / 2 work.
    x, y, z = target
    out = []
    for _ in range(N - 1):
        t = [1 + rng.below(x), 1 + rng.below(y), 1 + rng.below(z - 1)]
        k = rng.below(2)
        if rng.below(3) == 0 and target[k] < TOP:
            t[k] = target[k] + 1 + rng.below(TOP - target[k])
        out.append(t)
    out.append([1, 1, z] if finish else [1, 1, z - 1])
    return out


def small(rng):
    """1..6 triplets with values 1..4, so exact hits, overshoots and ties come up often."""
    triplets = [[rng.randint(1, 4) for _ in range(3)] for _ in range(rng.randint(1, 6))]
    target = [rng.randint(1, 4) for _ in range(3)]
    if rng.below(3) == 0:
        # make success likely: copy target values into some triplets
        for t in triplets:
            if rng.below(2):
                k = rng.below(3)
                t[k] = target[k]
    return {"triplets": triplets, "target": target}


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    sol = Solution()
    # One case (the file stays small): the target is only reached by the very last triplet.
    for finish in (True,):
        target = [999, 998, 1000]
        triplets = near_miss(rng, target, finish)
        emit({"triplets": triplets, "target": target},
             sol.mergeTriplets([list(t) for t in triplets], list(target)))


if __name__ == "__main__":
    main()
