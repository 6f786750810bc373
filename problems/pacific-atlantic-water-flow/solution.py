from collections import deque
from typing import List


class Solution:
    def pacificAtlantic(self, heights: List[List[int]]) -> List[List[int]]:
        # Run the water backwards: start from the cells touching an ocean and climb to every
        # neighbour that is at least as high. The cells reached can drain into that ocean.
        rows, cols = len(heights), len(heights[0])

        def climb(starts):
            reach = [[False] * cols for _ in range(rows)]
            queue = deque()
            for r, c in starts:
                if not reach[r][c]:
                    reach[r][c] = True
                    queue.append((r, c))
            while queue:
                r, c = queue.popleft()
                for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                    if (0 <= nr < rows and 0 <= nc < cols and not reach[nr][nc]
                            and heights[nr][nc] >= heights[r][c]):
                        reach[nr][nc] = True
                        queue.append((nr, nc))
            return reach

        # Pacific: the top row and the left column; Atlantic: the bottom row and the right column.
        pacific = climb([(0, c) for c in range(cols)] + [(r, 0) for r in range(rows)])
        atlantic = climb([(rows - 1, c) for c in range(cols)] + [(r, cols - 1) for r in range(rows)])
        return [[r, c] for r in range(rows) for c in range(cols) if pacific[r][c] and atlantic[r][c]]
