from typing import List


class Solution:
    def countComponents(self, n: int, edges: List[List[int]]) -> int:
        # Union-find: every edge that joins two different groups merges them into one.
        parent = list(range(n))
        size = [1] * n

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]  # path halving keeps the trees shallow
                x = parent[x]
            return x

        components = n
        for a, b in edges:
            ra, rb = find(a), find(b)
            if ra == rb:
                continue  # already in the same group: this edge closes a cycle
            if size[ra] < size[rb]:
                ra, rb = rb, ra
            parent[rb] = ra  # hang the smaller group under the larger
            size[ra] += size[rb]
            components -= 1
        return components
