from typing import List


class Solution:
    def solve(self, board: List[List[str]]) -> None:
        """
        Do not return anything, modify board in-place instead.
        """
        rows, cols = len(board), len(board[0])
        # 1. Every "O" on the border, and everything joined to one, is safe: mark it "S".
        stack = []
        for r in range(rows):
            for c in range(cols):
                if (r == 0 or c == 0 or r == rows - 1 or c == cols - 1) and board[r][c] == "O":
                    board[r][c] = "S"
                    stack.append((r, c))
        while stack:
            i, j = stack.pop()
            for ni, nj in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                if 0 <= ni < rows and 0 <= nj < cols and board[ni][nj] == "O":
                    board[ni][nj] = "S"
                    stack.append((ni, nj))
        # 2. The "O"s left are surrounded: capture them; the safe ones go back to "O".
        for r in range(rows):
            for c in range(cols):
                if board[r][c] == "O":
                    board[r][c] = "X"
                elif board[r][c] == "S":
                    board[r][c] = "O"
