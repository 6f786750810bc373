"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

SIZE = 12
WORDS = 30_000
MAXLEN = 10
LETTERS = "abcdefghijklmnopqrstuvwxyz"
TAIL = LETTERS[2:]  # tails avoid the checkerboard letters a and b


def make_board(rng, block):
    # Random letters, except a block x block checkerboard of 'a' and 'b' in one corner: a word
    # like "ababab" can be traced along hundreds of different paths there.
    board = [[LETTERS[rng.below(26)] for _ in range(SIZE)] for _ in range(SIZE)]
    for r in range(block):
        for c in range(block):
            board[r][c] = "ab"[(r + c) % 2]
    return board


def board_path_word(rng, board, length):
    # The letters along a random self-avoiding walk on the board (a word that is present).
    r, c = rng.below(SIZE), rng.below(SIZE)
    used = {(r, c)}
    out = [board[r][c]]
    while len(out) < length:
        steps = [(r + dr, c + dc) for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1))]
        steps = [(a, b) for a, b in steps if 0 <= a < SIZE and 0 <= b < SIZE and (a, b) not in used]
        if not steps:
            break
        r, c = steps[rng.below(len(steps))]
        used.add((r, c))
        out.append(board[r][c])
    return "".join(out)


def case(rng, block, share):
    board = make_board(rng, block)
    words = set()
    order = []

    def add(w):
        if w not in words:
            words.add(w)
            order.append(w)

    # Words on the board, of every length.
    while len(order) < 600:
        add(board_path_word(rng, board, 1 + rng.below(MAXLEN)))
    add("".join(board[0][c] for c in range(MAXLEN)))
    # Words that follow the checkerboard for 3 to 8 letters and then leave it with a tail of
    # other letters: one search per word walks the checkerboard's paths again for every such
    # word, while a trie walks them once for all the words that share that beginning.
    while len(order) < share:
        stem_len = 3 + rng.below(6)
        first = rng.below(2)
        stem = "".join("ab"[(first + i) % 2] for i in range(stem_len))
        tail_len = 1 + rng.below(MAXLEN - stem_len)
        add(stem + "".join(TAIL[rng.below(len(TAIL))] for _ in range(tail_len)))
    # Random words, almost all absent.
    while len(order) < WORDS:
        add("".join(LETTERS[rng.below(26)] for _ in range(1 + rng.below(MAXLEN))))
    rng.shuffle(order)
    return board, order


def small(rng):
    """One small board (1 to 4 x 1 to 4) over a 2 or 3 letter alphabet and 1 to 6 distinct words of
    1 to 6 letters, for `problems check`: about half of them traced along a random path on the
    board, the rest random (often absent, e.g. needing a cell twice or a missing neighbour)."""
    rows, cols = rng.randint(1, 4), rng.randint(1, 4)
    alphabet = "ab" if rng.below(2) else "abc"
    board = [[alphabet[rng.below(len(alphabet))] for _ in range(cols)] for _ in range(rows)]
    words, seen = [], set()
    for _ in range(rng.randint(1, 6)):
        length = rng.randint(1, 6)
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
            w = "".join(letters)
        else:
            w = "".join(alphabet[rng.below(len(alphabet))] for _ in range(length))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return {"board": board, "words": words}


def main():
    rng = XorShift64(0x7FB5D329728EA185)
    sol = Solution()
    board, words = case(rng, block=4, share=20_000)
    expected = sol.findWords([row[:] for row in board], list(words))
    emit({"board": board, "words": words}, sorted(expected))


if __name__ == "__main__":
    main()
