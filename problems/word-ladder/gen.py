"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic). small(rng) feeds `problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 5000
L = 10
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def main():
    rng = XorShift64(0x94D049BB133111EB)
    # A long ladder: each word changes one random position of the previous one to a fresh
    # letter, so the shortest route from beginWord to endWord walks most of the list. Random
    # words fill the rest of the list. Comparing every pair of words is 1.25 * 10^7 comparisons
    # of 10-letter words; the bucketed search is 5000 * 10 pattern keys.
    seen = set()
    word = [LETTERS[rng.below(26)] for _ in range(L)]
    begin = "".join(word)
    seen.add(begin)
    ladder = []
    while len(ladder) < 2000:
        i = rng.below(L)
        w = word[:]
        w[i] = LETTERS[rng.below(26)]
        s = "".join(w)
        if s not in seen:
            seen.add(s)
            ladder.append(s)
            word = w
    words = list(ladder)
    while len(words) < N:
        s = "".join(LETTERS[rng.below(26)] for _ in range(L))
        if s not in seen:
            seen.add(s)
            words.append(s)
    end = ladder[-1]
    rng.shuffle(words)
    emit({"beginWord": begin, "endWord": end, "wordList": words},
         Solution().ladderLength(begin, end, list(words)))
    # Everything reachable in a dense 3-letter-alphabet family but endWord missing one step:
    # the answer is 0 only after the whole component is explored.
    words = []
    alpha = "abc"
    for code in range(3 ** 8):
        s = ""
        x = code
        for _ in range(8):
            s += alpha[x % 3]
            x //= 3
        words.append(s + "zz")
    begin = words[0]
    end = "qqqqqqqqqq"
    words = words[1:N] + [end]
    rng.shuffle(words)
    emit({"beginWord": begin, "endWord": end, "wordList": words},
         Solution().ladderLength(begin, end, list(words)))


def small(rng):
    """Words of length 1 to 3 over "abc"; beginWord != endWord, wordList distinct, endWord in
    the list about two times in three, the list never empty."""
    length = rng.randint(1, 3)

    def word():
        return "".join("abc"[rng.below(3)] for _ in range(length))

    begin = word()
    end = word()
    while end == begin:
        end = word()
    pool = sorted({word() for _ in range(rng.randint(1, 7))})
    rng.shuffle(pool)
    if rng.below(3) and end not in pool:
        pool.insert(rng.below(len(pool) + 1), end)
    return {"beginWord": begin, "endWord": end, "wordList": pool}


if __name__ == "__main__":
    main()
