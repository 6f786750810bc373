from typing import List


class Solution:
    def maxArea(self, height: List[int]) -> int:
        lo, hi = 0, len(height) - 1
        best = 0
        while lo < hi:
            h_lo, h_hi = height[lo], height[hi]
            if h_lo < h_hi:
                area = h_lo * (hi - lo)
                lo += 1  # the shorter wall can never do better with a narrower partner
            else:
                area = h_hi * (hi - lo)
                hi -= 1
            if area > best:
                best = area
        return best
