from typing import List


class Solution:
    def solveNQueens(self, n: int) -> List[List[str]]:
        result = []
        queens = []  # queens[r] = column of the queen in row r
        cols, diags, anti = set(), set(), set()

        def place(row):
            if row == n:
                result.append(["." * c + "Q" + "." * (n - c - 1) for c in queens])
                return
            for col in range(n):
                if col in cols or row - col in diags or row + col in anti:
                    continue  # this square is attacked
                queens.append(col)
                cols.add(col)
                diags.add(row - col)
                anti.add(row + col)
                place(row + 1)
                queens.pop()
                cols.remove(col)
                diags.remove(row - col)
                anti.remove(row + col)

        place(0)
        return result
