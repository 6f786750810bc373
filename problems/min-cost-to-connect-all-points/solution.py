from typing import List


class Solution:
    def minCostConnectPoints(self, points: List[List[int]]) -> int:
        # Prim's algorithm on the complete graph, without a heap: O(n^2) time.
        # Points not yet in the tree live in parallel lists, with dist[i] the cheapest
        # known edge from the tree to that point.
        n = len(points)
        xs = [p[0] for p in points[1:]]
        ys = [p[1] for p in points[1:]]
        dist = [float("inf")] * (n - 1)
        cx, cy = points[0]  # the point just added to the tree
        total = 0
        while xs:
            best = 0
            for i in range(len(xs)):
                # relax the edge from the newest tree point, and track the cheapest outside point
                d = abs(xs[i] - cx) + abs(ys[i] - cy)
                if d < dist[i]:
                    dist[i] = d
                if dist[i] < dist[best]:
                    best = i
            total += dist[best]
            cx, cy = xs[best], ys[best]
            # remove the chosen point by swapping it with the last one
            xs[best], ys[best], dist[best] = xs[-1], ys[-1], dist[-1]
            xs.pop()
            ys.pop()
            dist.pop()
        return total
