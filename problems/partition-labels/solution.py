from typing import List


class Solution:
    def partitionLabels(self, s: str) -> List[int]:
        # Index of the last occurrence of every letter (later indices overwrite earlier ones).
        last = [0] * 26
        for i, ch in enumerate(s):
            last[ord(ch) - ord("a")] = i
        sizes: List[int] = []
        start = 0  # first index of the current piece
        reach = 0  # the current piece must extend at least to this index
        for i, ch in enumerate(s):
            reach = max(reach, last[ord(ch) - ord("a")])
            if i == reach:
                # No letter seen in this piece appears after i: close the piece here.
                sizes.append(i - start + 1)
                start = i + 1
        return sizes
