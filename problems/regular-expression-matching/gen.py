"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

def main():
    sol = Solution()
    # The first four patterns are a run of starred items that can soak up the text in very many ways,
    # followed by something that cannot match: trying every split from the left without remembering
    # results takes millions of steps, while a table over (text position, pattern position) has at
    # most 21 x 21 cells.
    cases = [
        ("a" * 20, "a*" * 9 + "b"),
        ("a" * 19 + "b", "a*" * 9 + "c"),
        ("ab" * 10, ".*" * 9 + "c"),
        ("a" * 20, "a*" * 9 + "ab"),
        # a true one at the top lengths (a quick match, there so that answering false is not enough)
        ("a" * 19 + "b", "a*" * 9 + "b*"),
    ]
    for s, p in cases:
        emit({"s": s, "p": p}, sol.isMatch(s, p))


def small(rng):
    """A text of 1..7 letters over a, b and a pattern of 1..6 items (a, b or '.', each maybe starred)."""
    s = "".join("ab"[rng.below(2)] for _ in range(rng.randint(1, 7)))
    p = ""
    for _ in range(rng.randint(1, 6)):
        p += "ab."[rng.below(3)]
        if rng.below(2):
            p += "*"
    return {"s": s, "p": p}


if __name__ == "__main__":
    main()
