class Solution:
    def uniquePaths(self, m: int, n: int) -> int:
        # row[c] = number of routes to column c of the current row; the top row has one route per cell.
        row = [1] * n
        for _ in range(m - 1):
            for c in range(1, n):
                # routes from above (old row[c]) plus routes from the left (new row[c - 1])
                row[c] += row[c - 1]
        return row[n - 1]
