from typing import List


class Solution:
    def findDuplicate(self, nums: List[int]) -> int:
        # Read i -> nums[i] as a "next" pointer. No value is 0, so nothing points back to index 0:
        # the walk from 0 is a linked list that runs into a cycle, and the cycle's first node is the
        # index that two different positions point to, which is exactly the repeated value.

        # Phase 1: the hare moves two steps per turn, the tortoise one, until they meet in the cycle.
        slow = fast = 0
        while True:
            slow = nums[slow]
            fast = nums[nums[fast]]
            if slow == fast:
                break

        # Phase 2: one pointer from the start, one from the meeting point, both one step per turn.
        # They arrive at the cycle's entrance together.
        finder = 0
        while finder != slow:
            finder = nums[finder]
            slow = nums[slow]
        return finder
