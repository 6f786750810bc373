"""Small random inputs for `codify problems check` (no large.jsonl: the search is exponential by
nature, so the tests keep LeetCode's small boards)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401


def small(rng):
    """A 1 to 4 x 1 to 4 board over a 2 or 3 letter alphabet (sometimes with 'A' beside 'a') and a
    word of 1 to 7 letters: about half the time traced along a random path on the board (then
    present), otherwise random (often absent, e.g. needing a cell twice)."""
    rows, cols = rng.randint(1, 4), rng.randint(1, 4)
    alphabet = ["ab", "abc", "aA", "aAb"][rng.below(4)]
    board = [[alphabet[rng.below(len(alphabet))] for _ in range(cols)] for _ in range(rows)]
    length = rng.randint(1, 7)
    if rng.below(2):
        r, c = rng.below(rows), rng.below(cols)
        used = {(r, c)}
        letters = [board[r][c]]
        while len(letters) < length:
            steps = [(r + dr, c + dc) for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1))]
            steps = [(a, b) for a, b in steps if 0 <= a < rows and 0 <= b < cols and (a, b) not in used]
            if not steps:
                break
            r, c = steps[rng.below(len(steps))]
            used.add((r, c))
            letters.append(board[r][c])
        word = "".join(letters)
    else:
        word = "".join(alphabet[rng.below(len(alphabet))] for _ in range(length))
    return {"board": board, "word": word}
