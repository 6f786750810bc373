from collections import defaultdict
from typing import List


class Solution:
    def findItinerary(self, tickets: List[List[str]]) -> List[str]:
        # Hierholzer's algorithm. Destinations are kept in reverse sorted order so that pop()
        # always takes the lexically smallest unused ticket out of an airport.
        flights = defaultdict(list)
        for src, dst in sorted(tickets, reverse=True):
            flights[src].append(dst)
        route = []
        stack = ["JFK"]
        while stack:
            airport = stack[-1]
            if flights[airport]:
                stack.append(flights[airport].pop())  # keep flying while tickets remain
            else:
                route.append(stack.pop())  # stuck: this airport is final among what is left
        return route[::-1]
