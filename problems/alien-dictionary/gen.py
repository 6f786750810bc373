"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 10_000
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def sorted_by(words, alphabet):
    rank = {c: i for i, c in enumerate(alphabet)}
    return sorted(words, key=lambda w: [rank[c] for c in w])


def small(rng):
    """1..6 words of 1..4 letters from a..c (sometimes a..d): half the time sorted by a hidden
    alphabet (always consistent), otherwise as drawn, with a word sometimes followed by its prefix."""
    k = 3 if rng.below(3) else 4
    n = rng.randint(1, 6)
    words = ["".join(LETTERS[rng.below(k)] for _ in range(rng.randint(1, 4))) for _ in range(n)]
    if rng.below(2):
        words = sorted_by(words, rng.shuffled(LETTERS[:k]))
    elif rng.below(3) == 0 and len(words[0]) > 1:
        words.insert(1, words[0][:rng.randint(1, len(words[0]) - 1)])
    return {"words": words}


def dictionary(rng, alphabet):
    """N - 1 words sorted by the hidden alphabet. Many share long prefixes (each word is often an
    extension or a small edit of an earlier one), so neighbours differ late; a few are 100 long."""
    words = []
    for i in range(N - 6):
        if words and rng.below(4):
            base = words[rng.below(len(words))]
            cut = rng.randint(len(base) // 2, len(base))
            w = base[:cut] + "".join(alphabet[rng.below(26)] for _ in range(rng.randint(1, 4)))
        else:
            w = "".join(alphabet[rng.below(26)] for _ in range(rng.randint(1, 10)))
        words.append(w[:100])
    for _ in range(5):
        words.append("".join(alphabet[rng.below(26)] for _ in range(100)))
    return sorted_by(words, alphabet)


def main():
    rng = XorShift64(0x94D049BB133111EB)
    sol = Solution()
    alphabet = "".join(rng.shuffled(LETTERS))
    # 1) consistent: the whole list sorted by a hidden alphabet, plus one last word.
    words = dictionary(rng, alphabet)
    words.append(words[-1] + alphabet[-1])
    emit({"words": words}, sol.alienOrder(list(words)))
    # 2) the same kind of list, but the very last word starts with the alphabet's first letter,
    #    which closes a cycle with the facts gathered before it: the answer is "", and nothing
    #    before the last pair reveals it.
    alphabet = "".join(rng.shuffled(LETTERS))
    words = dictionary(rng, alphabet)
    words.append(alphabet[0] + words[-1][1:])
    emit({"words": words}, sol.alienOrder(list(words)))


if __name__ == "__main__":
    main()
