"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 100


def merge(rng, a, b):
    """A random interleaving of the strings a and b."""
    out, i, j = [], 0, 0
    while i < len(a) or j < len(b):
        if j == len(b) or (i < len(a) and rng.below(2) == 0):
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return "".join(out)


def main():
    rng = XorShift64(0x1E7E4EA5E5EED116)
    sol = Solution()
    a100 = "a" * N
    # Almost all 'a': a search that tries both strings at every step explores a vast number of
    # equivalent splits before it can tell that the final character cannot be matched.
    t1 = (a100, a100, "a" * (2 * N - 1) + "b")
    # The same, but the 'b' is at the end of s2 and the answer is yes: found only on the last character.
    t2 = ("a" * (N - 1) + "b", a100, "a" * (2 * N - 1) + "b")
    # Random 'a'/'b' strings (mostly 'a') and a true interleaving with two neighbouring different
    # characters swapped, as late as possible such that the answer becomes no.
    x = "".join("ab"[rng.below(10) == 0] for _ in range(N))
    y = "".join("ab"[rng.below(10) == 0] for _ in range(N))
    z = merge(rng, x, y)
    for k in range(len(z) - 2, -1, -1):
        z3 = z[:k] + z[k + 1] + z[k] + z[k + 2:]
        if z[k] != z[k + 1] and not sol.isInterleave(x, y, z3):
            break
    for s1, s2, s3 in (t1, t2, (x, y, z3)):
        emit({"s1": s1, "s2": s2, "s3": s3}, sol.isInterleave(s1, s2, s3))


def small(rng):
    """s1, s2 of 0..5 letters over 'ab'; s3 a true interleaving half of the time, else random."""
    s1 = "".join(rng.shuffled("ab")[0] for _ in range(rng.randint(0, 5)))
    s2 = "".join(rng.shuffled("ab")[0] for _ in range(rng.randint(0, 5)))
    r = rng.below(4)
    if r < 2:
        s3 = merge(rng, s1, s2)
    elif r == 2:
        s3 = "".join(rng.shuffled("ab")[0] for _ in range(len(s1) + len(s2)))
    else:
        s3 = "".join(rng.shuffled("ab")[0] for _ in range(rng.randint(0, 10)))
    return {"s1": s1, "s2": s2, "s3": s3}


if __name__ == "__main__":
    main()
