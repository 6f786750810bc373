from collections import Counter
from typing import List


class Solution:
    def leastInterval(self, tasks: List[str], n: int) -> int:
        counts = Counter(tasks)
        top = max(counts.values())                              # most repeated label
        n_top = sum(1 for c in counts.values() if c == top)    # labels tied for it
        # Lay out the most frequent label in `top` frames of n + 1 slots; the last frame only
        # holds the labels tied for first. Other tasks fill the gaps; if they overflow the gaps,
        # no idle slot is needed at all and the answer is simply len(tasks).
        frames = (top - 1) * (n + 1) + n_top
        return max(len(tasks), frames)
