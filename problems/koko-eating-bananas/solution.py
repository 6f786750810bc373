from typing import List


class Solution:
    def minEatingSpeed(self, piles: List[int], h: int) -> int:
        # The hours needed only go down as the speed goes up, so binary search
        # the smallest speed in [1, max(piles)] that finishes within h hours.
        lo, hi = 1, max(piles)
        while lo < hi:
            speed = (lo + hi) // 2
            # Hours at this speed: ceil(pile / speed) per pile, written -(-pile // speed).
            hours = sum(-(-pile // speed) for pile in piles)
            if hours <= h:
                hi = speed  # fast enough: the answer is speed or smaller
            else:
                lo = speed + 1  # too slow: the answer is larger
        return lo
