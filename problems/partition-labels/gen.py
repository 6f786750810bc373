"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 50_000
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def many_pieces(rng):
    # A piece's letters never appear in another piece, so there are at most 26 pieces. Here there
    # are 13 of uneven lengths, each a random mix of its own two letters: every letter's last
    # occurrence lies thousands of characters ahead, so rescanning the string for each position
    # (forwards or backwards) does about n^2 / 2 work.
    cuts = sorted(rng.below(N - 2) + 1 for _ in range(12))
    bounds = [0] + cuts + [N]
    out = []
    for k in range(13):
        x, y = LETTERS[2 * k], LETTERS[2 * k + 1]
        length = bounds[k + 1] - bounds[k]
        piece = [x, y] + [x if rng.below(2) else y for _ in range(length - 2)]
        rng.shuffle(piece)
        out.extend(piece)
    return "".join(out)


def one_piece(rng):
    # Random letters, but 'z' sits at both ends: the whole string is a single piece.
    body = [LETTERS[rng.below(25)] for _ in range(N - 2)]
    return "z" + "".join(body) + "z"


def small(rng):
    """0..8 letters from a 3-letter alphabet plus a rare fourth: short and long pieces, repeats."""
    n = rng.randint(1, 8)
    alphabet = "abc" if rng.below(2) else "abcd"
    return {"s": "".join(alphabet[rng.below(len(alphabet))] for _ in range(n))}


def main():
    rng = XorShift64(0x94D049BB133111EB)
    sol = Solution()
    for make in (many_pieces, one_piece):
        s = make(rng)
        emit({"s": s}, sol.partitionLabels(s))


if __name__ == "__main__":
    main()
