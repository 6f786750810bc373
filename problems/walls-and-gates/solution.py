from collections import deque
from typing import List


class Solution:
    def wallsAndGates(self, rooms: List[List[int]]) -> None:
        """
        Do not return anything, modify rooms in-place instead.
        """
        INF = 2147483647
        rows, cols = len(rooms), len(rooms[0])
        # Breadth-first search from every gate at once: the first time a room is reached,
        # it is reached from its nearest gate.
        queue = deque((r, c) for r in range(rows) for c in range(cols) if rooms[r][c] == 0)
        while queue:
            i, j = queue.popleft()
            for ni, nj in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                if 0 <= ni < rows and 0 <= nj < cols and rooms[ni][nj] == INF:
                    rooms[ni][nj] = rooms[i][j] + 1
                    queue.append((ni, nj))
