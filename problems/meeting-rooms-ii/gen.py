"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 10_000
TOP = 1_000_000


def many_rooms(rng):
    # Long meetings with random starts: thousands overlap at once, so a solution that scans a list
    # of rooms for a free one (or counts overlaps per meeting) does about n^2 work.
    out = []
    for _ in range(N - 1):
        start = rng.below(TOP // 2)
        out.append([start, start + TOP // 4 + rng.below(TOP // 4)])
    out.append([0, TOP])
    rng.shuffle(out)
    return out


def chains(rng):
    # 2500 chains of four back-to-back meetings: each room is reused at the exact moment it frees
    # up, so treating a meeting that starts at another's end as a clash gives a different count.
    out = []
    for _ in range(N // 4):
        t = rng.below(TOP // 2)
        for _ in range(4):
            end = t + 1 + rng.below(TOP // 8)
            out.append([t, end])
            t = end
    rng.shuffle(out)
    return out


def small(rng):
    """1 to 7 meetings with times in 0..8, so touching ends, nesting and repeats come up often."""
    intervals = []
    for _ in range(rng.randint(1, 7)):
        start = rng.randint(0, 7)
        intervals.append([start, rng.randint(start + 1, min(8, start + 4))])
    return {"intervals": intervals}


def main():
    rng = XorShift64(0x524F4F4D53324949)
    sol = Solution()
    for make in (many_rooms, chains):
        intervals = make(rng)
        emit({"intervals": intervals}, sol.minMeetingRooms([list(iv) for iv in intervals]))


if __name__ == "__main__":
    main()
