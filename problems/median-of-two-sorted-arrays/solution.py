from typing import List


class Solution:
    def findMedianSortedArrays(self, nums1: List[int], nums2: List[int]) -> float:
        # Cut the shorter list `a` after i values and the longer list `b` after half - i
        # values, so that exactly `half` values lie left of the cuts. The right i is the
        # smallest one with a[i] >= b[half - i - 1]: then every left value is <= every right one.
        a, b = nums1, nums2
        if len(a) > len(b):
            a, b = b, a
        m, n = len(a), len(b)
        half = (m + n + 1) // 2  # the left side holds the middle value when the total is odd
        lo, hi = 0, m
        while lo < hi:
            i = (lo + hi) // 2
            # i < m here, and half - i - 1 >= 0 because half >= m when m <= n.
            if a[i] < b[half - i - 1]:
                lo = i + 1  # a[i] belongs on the left too: take more from a
            else:
                hi = i
        i, j = lo, half - lo
        left_max = max(a[i - 1] if i > 0 else float("-inf"), b[j - 1] if j > 0 else float("-inf"))
        if (m + n) % 2 == 1:
            return float(left_max)
        right_min = min(a[i] if i < m else float("inf"), b[j] if j < n else float("inf"))
        return (left_max + right_min) / 2
