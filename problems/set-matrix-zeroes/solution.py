from typing import List


class Solution:
    def setZeroes(self, matrix: List[List[int]]) -> None:
        """
        Do not return anything, modify matrix in-place instead.
        """
        m, n = len(matrix), len(matrix[0])
        # Row 0 and column 0 will hold the marks, so first note whether they contain a zero themselves.
        first_row_zero = 0 in matrix[0]
        first_col_zero = any(matrix[i][0] == 0 for i in range(m))

        # Mark: a zero at (i, j) in the inner part writes 0 to the head of its row and of its column.
        for i in range(1, m):
            for j in range(1, n):
                if matrix[i][j] == 0:
                    matrix[i][0] = 0
                    matrix[0][j] = 0

        # Clear every inner cell whose row head or column head is marked.
        for i in range(1, m):
            for j in range(1, n):
                if matrix[i][0] == 0 or matrix[0][j] == 0:
                    matrix[i][j] = 0

        # Last, the marker row and column themselves, from what they held at the start.
        if first_row_zero:
            for j in range(n):
                matrix[0][j] = 0
        if first_col_zero:
            for i in range(m):
                matrix[i][0] = 0
