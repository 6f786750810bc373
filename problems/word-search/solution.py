from collections import Counter
from typing import List


class Solution:
    def exist(self, board: List[List[str]], word: str) -> bool:
        rows, cols = len(board), len(board[0])

        # Cheap rejection: the board must hold every letter of the word often enough.
        have = Counter(ch for row in board for ch in row)
        for ch, need in Counter(word).items():
            if have[ch] < need:
                return False

        # Start from the rarer end of the word: fewer starting cells, fewer dead branches.
        if have[word[0]] > have[word[-1]]:
            word = word[::-1]

        def dfs(r, c, i):
            # Does word[i:] start at (r, c), avoiding the cells already on the path?
            if r < 0 or r >= rows or c < 0 or c >= cols or board[r][c] != word[i]:
                return False
            if i == len(word) - 1:
                return True
            board[r][c] = "#"  # mark as used on the current path
            found = (dfs(r + 1, c, i + 1) or dfs(r - 1, c, i + 1)
                     or dfs(r, c + 1, i + 1) or dfs(r, c - 1, i + 1))
            board[r][c] = word[i]  # undo the mark
            return found

        return any(dfs(r, c, 0) for r in range(rows) for c in range(cols))
