"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 1000


def main():
    rng = XorShift64(0xD157C0DE5EB5EED1)
    sol = Solution()
    # 1. s opens with 400 capital letters that t never uses, then comes t (a random a/b string) with k
    #    extra letters slipped in: as many as keep the answer inside 32 bits. Partial matches abound,
    #    so trying every choice without remembering results explodes.
    junk = "".join("AB"[rng.below(2)] for _ in range(400))
    base = ["ab"[rng.below(2)] for _ in range(N - 400)]

    def build(k):
        t = "".join(base[: N - 400 - k])
        s = list(t)
        r2 = XorShift64(0x5EED0000 + k)
        for _ in range(k):
            s.insert(r2.below(len(s) + 1), "ab"[r2.below(2)])
        return junk + "".join(s), t

    k = 1
    while sol.numDistinct(*build(k + 1)) < 2**31:
        k += 1
    s, t = build(k)
    emit({"s": s, "t": t}, sol.numDistinct(s, t))
    # 2. Both strings at the top length; t starts with the only letter Z, which s has only at its very
    #    end: the answer is 0.
    s = "".join("abc"[rng.below(3)] for _ in range(N - 1)) + "Z"
    t = "Z" + "".join("abc"[rng.below(3)] for _ in range(N - 1))
    emit({"s": s, "t": t}, sol.numDistinct(s, t))
    # 3. A long a/b text and a three-letter t: millions of partial matches to count, answer near 2 * 10^7.
    s = "".join("ab"[rng.below(2)] for _ in range(N))
    t = "aba"
    emit({"s": s, "t": t}, sol.numDistinct(s, t))


def small(rng):
    """s of 1..9 letters and t of 1..4 letters over a, b (sometimes A): many overlapping matches."""
    alpha = "abA" if rng.below(3) == 0 else "ab"
    s = "".join(alpha[rng.below(len(alpha))] for _ in range(rng.randint(1, 9)))
    t = "".join(alpha[rng.below(len(alpha))] for _ in range(rng.randint(1, 4)))
    return {"s": s, "t": t}


if __name__ == "__main__":
    main()
