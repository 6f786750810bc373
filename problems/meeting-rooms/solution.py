from typing import List


class Solution:
    def canAttendMeetings(self, intervals: List[List[int]]) -> bool:
        # In start order, a clash can only be between neighbours.
        ordered = sorted(intervals, key=lambda iv: iv[0])
        for i in range(1, len(ordered)):
            # Touching (start == previous end) is allowed; starting earlier is a clash.
            if ordered[i][0] < ordered[i - 1][1]:
                return False
        return True
