from collections import Counter, deque
from typing import List


class Solution:
    def isNStraightHand(self, hand: List[int], groupSize: int) -> bool:
        if len(hand) % groupSize != 0:
            return False
        count = Counter(hand)
        # Walk the distinct values in increasing order. Every group still open must take one copy
        # of the current value; the copies left over must start new groups (the smallest card
        # left always starts a group). A group started groupSize values ago is complete.
        open_groups = 0
        started = deque()  # how many groups started at each of the last values
        previous = None
        for card in sorted(count):
            if open_groups > 0 and card != previous + 1:
                return False  # open groups need previous + 1, which the hand lacks
            new_groups = count[card] - open_groups
            if new_groups < 0:
                return False  # too few copies of card for the groups waiting for it
            started.append(new_groups)
            open_groups += new_groups
            previous = card
            if len(started) == groupSize:
                open_groups -= started.popleft()  # these groups now hold groupSize cards
        return open_groups == 0
