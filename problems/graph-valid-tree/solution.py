from typing import List


class Solution:
    def validTree(self, n: int, edges: List[List[int]]) -> bool:
        # A tree on n nodes has exactly n - 1 edges; with that count, "no cycle" implies "connected".
        if len(edges) != n - 1:
            return False
        parent = list(range(n))  # union-find forest: each node starts as its own root

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]  # path halving keeps the trees shallow
                x = parent[x]
            return x

        for a, b in edges:
            ra, rb = find(a), find(b)
            if ra == rb:
                return False  # a and b are already connected: this edge closes a cycle
            parent[ra] = rb
        return True
