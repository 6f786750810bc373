import heapq
from typing import List


class Solution:
    def minMeetingRooms(self, intervals: List[List[int]]) -> int:
        ends: List[int] = []  # min-heap: the end time of the meeting in each busy room
        rooms = 0
        for start, end in sorted(intervals):
            # The room that frees up first can be reused if it is free by `start`.
            if ends and ends[0] <= start:
                heapq.heapreplace(ends, end)
            else:
                heapq.heappush(ends, end)
            rooms = max(rooms, len(ends))
        return rooms
