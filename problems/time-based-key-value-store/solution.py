from bisect import bisect_right
from collections import defaultdict


class TimeMap:
    def __init__(self):
        # For each key, two parallel lists in the order of set calls. Timestamps of one key
        # strictly increase, so each times list is already sorted.
        self.times = defaultdict(list)
        self.values = defaultdict(list)

    def set(self, key: str, value: str, timestamp: int) -> None:
        self.times[key].append(timestamp)
        self.values[key].append(value)

    def get(self, key: str, timestamp: int) -> str:
        times = self.times.get(key)
        if not times:
            return ""
        # Number of stored timestamps <= timestamp; the last of them is the answer.
        i = bisect_right(times, timestamp)
        return self.values[key][i - 1] if i > 0 else ""
