from collections import defaultdict
from typing import List


class DetectSquares:
    def __init__(self):
        self.at = defaultdict(int)  # (x, y) -> how many copies of that point were added
        self.column = defaultdict(lambda: defaultdict(int))  # x -> {y: copies of (x, y)}

    def add(self, point: List[int]) -> None:
        x, y = point
        self.at[(x, y)] += 1
        self.column[x][y] += 1

    def count(self, point: List[int]) -> int:
        x, y = point
        ys = self.column.get(x)
        if not ys:
            return 0
        at = self.at
        total = 0
        # A square with a corner at (x, y) has a second corner straight above or below it,
        # (x, y2), with side |d| where d = y2 - y != 0. The square then lies either left or
        # right of that vertical side: its last two corners are (x2, y) and (x2, y2) with
        # x2 = x - d or x2 = x + d. Copies multiply: each choice of each corner is a new square.
        for y2, copies in ys.items():
            d = y2 - y
            if d == 0:
                continue
            for x2 in (x - d, x + d):
                a = at.get((x2, y))
                if a:
                    total += copies * a * at.get((x2, y2), 0)
        return total
