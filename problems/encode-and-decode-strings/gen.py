"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, load_class  # noqa: E402

Codec = load_class(__file__, "Codec")

M = 45_000
MAXLEN = 200
# Separators people like to pick, digits (which look like length prefixes), a space, and characters
# outside ASCII (a two-byte letter, a CJK character and, at the very end, an emoji outside the BMP).
# Line breaks, tabs, quotes, backslashes and NUL are in the hand-written tests: JSON escapes them,
# which would make this file much larger.
ALPHABET = "abcxyz0123456789#,|;: /é日"


def word(rng, length, alphabet=ALPHABET):
    return "".join(alphabet[rng.below(len(alphabet))] for _ in range(length))


def round_trip(strs):
    """What the reference codec gives back for strs (it must be strs itself)."""
    return Codec().decode(Codec().encode(list(strs)))


def small(rng):
    """A short list (0 to 5 strings) of short strings (0 to 4 characters) over a tiny alphabet with
    '#' and digits in it, so that empty strings, separators and look-alike prefixes come up often."""
    alphabet = "a#1" if rng.below(3) else "a#12 é"
    return {"strs": [word(rng, rng.randint(0, 4), alphabet) for _ in range(rng.randint(0, 5))]}


def main():
    rng = XorShift64(0x8CB92BA72F3D8DD7)
    # The largest allowed list: M strings, most of them 0 to 2 characters long (the file stays small),
    # one in five hundred of 100 to MAXLEN characters (three-digit length prefixes), the last one
    # ending in an emoji. A decoder that cuts the consumed part off the text after every string
    # (s = s[k:]) copies the rest of the text each time: about M * len(text) / 2 characters, and the
    # emoji at the end keeps every copy at four bytes per character.
    strs = []
    for _ in range(M - 1):
        n = rng.randint(100, MAXLEN) if rng.below(500) == 0 else rng.below(3)
        strs.append(word(rng, n))
    strs.append("fin \U0001F600")
    line = {"input": {"strs": strs}, "expected": round_trip(strs), "hidden": True, "edge": "large"}
    print(json.dumps(line, ensure_ascii=False, separators=(",", ":")))


if __name__ == "__main__":
    main()
