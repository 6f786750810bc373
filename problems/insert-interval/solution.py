from typing import List


class Solution:
    def insert(self, intervals: List[List[int]], newInterval: List[int]) -> List[List[int]]:
        result: List[List[int]] = []
        start, end = newInterval
        i, n = 0, len(intervals)
        # 1) ranges that end before the new one starts are untouched
        while i < n and intervals[i][1] < start:
            result.append(intervals[i])
            i += 1
        # 2) ranges that share a point with the new one are absorbed into it
        while i < n and intervals[i][0] <= end:
            start = min(start, intervals[i][0])
            end = max(end, intervals[i][1])
            i += 1
        result.append([start, end])
        # 3) ranges that start after the (widened) new one ends are untouched
        while i < n:
            result.append(intervals[i])
            i += 1
        return result
