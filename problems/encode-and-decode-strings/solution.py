from typing import List


class Codec:
    # Each string is written as its length, a '#', then the string itself. The decoder reads the
    # digits up to the first '#', then takes exactly that many characters, whatever they are: a '#'
    # or a digit inside a string is never mistaken for a separator.

    def encode(self, strs: List[str]) -> str:
        """Encodes a list of strings to a single string."""
        return "".join(str(len(s)) + "#" + s for s in strs)

    def decode(self, s: str) -> List[str]:
        """Decodes a single string to a list of strings."""
        out = []
        i = 0  # start of the next length prefix
        while i < len(s):
            j = s.index("#", i)  # end of the prefix: digits never contain '#'
            length = int(s[i:j])
            out.append(s[j + 1 : j + 1 + length])
            i = j + 1 + length  # skip over the string, not through it
        return out
