import heapq
from typing import List


class Solution:
    def minInterval(self, intervals: List[List[int]], queries: List[int]) -> List[int]:
        ordered = sorted(intervals)               # by left end
        answer = [-1] * len(queries)
        heap: List[tuple] = []                    # (size, right end) of intervals started so far
        i = 0
        # Answer the queries from the smallest value up, remembering where each one goes.
        for pos in sorted(range(len(queries)), key=lambda j: queries[j]):
            q = queries[pos]
            # Every interval starting at or before q becomes a candidate.
            while i < len(ordered) and ordered[i][0] <= q:
                left, right = ordered[i]
                heapq.heappush(heap, (right - left + 1, right))
                i += 1
            # Drop candidates that ended before q; they cannot contain any later query either.
            while heap and heap[0][1] < q:
                heapq.heappop(heap)
            if heap:
                answer[pos] = heap[0][0]
        return answer
