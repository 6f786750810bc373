from typing import List


class Solution:
    def rotate(self, matrix: List[List[int]]) -> None:
        n = len(matrix)
        # Mirror across the main diagonal ...
        for r in range(n):
            row = matrix[r]
            for c in range(r + 1, n):
                row[c], matrix[c][r] = matrix[c][r], row[c]
        # ... then mirror each row left to right.
        for row in matrix:
            row.reverse()
