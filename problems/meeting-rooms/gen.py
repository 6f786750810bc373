"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 10_000
TOP = 1_000_000


def back_to_back(rng):
    # N meetings tiling 0..10^6 exactly, each ending where the next begins: no clash, so a pairwise
    # check must look at every pair, and a `<=` test would see a false clash everywhere.
    cuts = sorted(rng.below(TOP - 1) + 1 for _ in range(N - 1))
    points = [0]
    for c in cuts:
        points.append(max(c, points[-1] + 1))
    points = [p * (TOP - N) // TOP + i for i, p in enumerate(points)]  # strictly increasing, < TOP
    points.append(TOP)
    out = [[points[i], points[i + 1]] for i in range(N)]
    rng.shuffle(out)
    return out


def one_clash_at_the_end(rng):
    # Same tiling, but the last two meetings in the list overlap by one unit of time.
    out = back_to_back(rng)
    out.sort()
    a, b = out[N // 2], out[N // 2 + 1]
    b[0] -= 1  # b now starts one unit before a ends
    rest = out[: N // 2] + out[N // 2 + 2:]
    rng.shuffle(rest)
    return rest + [a, b]


def small(rng):
    """0 to 6 meetings with times in 0..8, so touching ends, nesting and repeats come up often."""
    intervals = []
    for _ in range(rng.randint(0, 6)):
        start = rng.randint(0, 7)
        intervals.append([start, rng.randint(start + 1, min(8, start + 3))])
    if rng.below(3) == 0:
        # a chain of meetings that may touch but never clash, so `true` answers come up often
        t = rng.randint(0, 2)
        intervals = []
        for _ in range(rng.randint(1, 4)):
            end = t + rng.randint(1, 2)
            intervals.append([t, end])
            t = end + rng.randint(0, 1)
        rng.shuffle(intervals)
    return {"intervals": intervals}


def main():
    rng = XorShift64(0x6D656574696E6731)
    sol = Solution()
    for make in (back_to_back, one_clash_at_the_end):
        intervals = make(rng)
        emit({"intervals": intervals}, sol.canAttendMeetings([list(iv) for iv in intervals]))


if __name__ == "__main__":
    main()
