import heapq


class MedianFinder:
    def __init__(self):
        self.low = []   # max-heap (values negated) holding the smaller half
        self.high = []  # min-heap holding the larger half

    def addNum(self, num: int) -> None:
        # Route the new value through `low` so that every value in `low` stays <= every value
        # in `high`, then rebalance: `low` keeps the same size as `high`, or one more.
        heapq.heappush(self.low, -num)
        heapq.heappush(self.high, -heapq.heappop(self.low))
        if len(self.high) > len(self.low):
            heapq.heappush(self.low, -heapq.heappop(self.high))

    def findMedian(self) -> float:
        if len(self.low) > len(self.high):  # odd count: the middle value is the top of `low`
            return float(-self.low[0])
        return (-self.low[0] + self.high[0]) / 2
