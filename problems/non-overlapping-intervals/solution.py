from typing import List


class Solution:
    def eraseOverlapIntervals(self, intervals: List[List[int]]) -> int:
        # Greedy: keeping the range that ends first leaves the most room for the rest.
        intervals.sort(key=lambda iv: iv[1])
        removed = 0
        last_end = intervals[0][1]  # the first range (earliest end) is always kept
        for i in range(1, len(intervals)):
            start, end = intervals[i]
            if start >= last_end:
                last_end = end  # touching or after: keep it
            else:
                removed += 1  # it overlaps the last kept range: remove it
        return removed
