from collections import deque
from typing import List


class Solution:
    def findOrder(self, numCourses: int, prerequisites: List[List[int]]) -> List[int]:
        # Kahn's algorithm: the order in which courses become ready is a valid schedule.
        unlocks = [[] for _ in range(numCourses)]  # unlocks[b]: the courses that need b
        missing = [0] * numCourses                 # prerequisites each course still waits for
        for course, before in prerequisites:
            unlocks[before].append(course)
            missing[course] += 1

        ready = deque(c for c in range(numCourses) if missing[c] == 0)
        order = []
        while ready:
            c = ready.popleft()
            order.append(c)
            for nxt in unlocks[c]:
                missing[nxt] -= 1
                if missing[nxt] == 0:
                    ready.append(nxt)
        # If a cycle kept some course from ever becoming ready, no schedule exists.
        return order if len(order) == numCourses else []
