from typing import List


class Solution:
    def longestIncreasingPath(self, matrix: List[List[int]]) -> int:
        m, n = len(matrix), len(matrix[0])
        steps = ((1, 0), (-1, 0), (0, 1), (0, -1))
        # higher[r][c]: how many neighbours of (r, c) hold a strictly larger value
        # (the out-degree of the cell in the graph of increasing moves).
        higher = [[0] * n for _ in range(m)]
        for r in range(m):
            for c in range(n):
                for dr, dc in steps:
                    nr, nc = r + dr, c + dc
                    if 0 <= nr < m and 0 <= nc < n and matrix[nr][nc] > matrix[r][c]:
                        higher[r][c] += 1
        # Peel the graph from the top: local peaks first. A cell joins the next layer once
        # every larger neighbour has been peeled, so layer k holds the cells whose longest
        # increasing path has exactly k + 1 cells.
        layer = [(r, c) for r in range(m) for c in range(n) if higher[r][c] == 0]
        layers = 0
        while layer:
            layers += 1
            next_layer = []
            for r, c in layer:
                for dr, dc in steps:
                    nr, nc = r + dr, c + dc
                    if 0 <= nr < m and 0 <= nc < n and matrix[nr][nc] < matrix[r][c]:
                        higher[nr][nc] -= 1
                        if higher[nr][nc] == 0:
                            next_layer.append((nr, nc))
            layer = next_layer
        return layers
