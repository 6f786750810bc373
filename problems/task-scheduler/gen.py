"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

M = 10_000
LETTERS = [chr(ord("A") + i) for i in range(26)]


def build(rng, counts):
    tasks = [label for label, c in counts.items() for _ in range(c)]
    assert len(tasks) == M
    rng.shuffle(tasks)
    return tasks


def main():
    rng = XorShift64(0x94D049BB133111EB)
    sol = Solution()
    # n at its top: two labels tie for the most copies and the rest are spread over the other 24,
    # so the schedule has about 2 * 10^5 intervals and many idle ones. Scanning the remaining jobs
    # at every interval costs about len(tasks) steps per interval.
    counts = {"Q": 2000, "J": 2000}
    others = [c for c in LETTERS if c not in counts]
    for c in others:
        counts[c] = 250
    tasks = build(rng, counts)
    emit({"tasks": tasks, "n": 100}, sol.leastInterval(list(tasks), 100))
    # Counts close to each other: the frame is far shorter than the job list, no interval is idle
    # and the answer is len(tasks); forgetting that case returns a smaller number.
    counts = {c: 384 for c in LETTERS}
    counts["A"] += M - 384 * 26
    tasks = build(rng, counts)
    emit({"tasks": tasks, "n": 7}, sol.leastInterval(list(tasks), 7))


def small(rng):
    """One to eight tasks over two to four labels and a cooldown of 0 to 4, so that ties for the
    most copies, idle-free schedules and schedules with idle slots all come up."""
    labels = LETTERS[: rng.randint(2, 4)]
    tasks = [labels[rng.below(len(labels))] for _ in range(rng.randint(1, 8))]
    return {"tasks": tasks, "n": rng.randint(0, 4)}


if __name__ == "__main__":
    main()
