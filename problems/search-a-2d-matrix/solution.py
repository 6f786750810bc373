from typing import List


class Solution:
    def searchMatrix(self, matrix: List[List[int]], target: int) -> bool:
        # Read row by row, the matrix is one sorted list of rows * cols values:
        # flat position p lives at row p // cols, column p % cols.
        rows, cols = len(matrix), len(matrix[0])
        lo, hi = 0, rows * cols - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            value = matrix[mid // cols][mid % cols]
            if value == target:
                return True
            if value < target:
                lo = mid + 1  # the target can only be to the right of mid
            else:
                hi = mid - 1  # the target can only be to the left of mid
        return False
