from collections import deque
from typing import List


class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        # Kahn's algorithm: repeatedly take a course whose prerequisites are all done.
        unlocks = [[] for _ in range(numCourses)]  # unlocks[b]: the courses that need b
        missing = [0] * numCourses                 # prerequisites each course still waits for
        for course, before in prerequisites:
            unlocks[before].append(course)
            missing[course] += 1

        ready = deque(c for c in range(numCourses) if missing[c] == 0)
        taken = 0
        while ready:
            c = ready.popleft()
            taken += 1
            for nxt in unlocks[c]:
                missing[nxt] -= 1
                if missing[nxt] == 0:
                    ready.append(nxt)
        # Courses on (or behind) a cycle never become ready.
        return taken == numCourses
