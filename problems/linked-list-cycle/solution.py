# Definition for singly-linked list.
# class ListNode:
#     def __init__(self, x):
#         self.val = x
#         self.next = None
from typing import Optional


class Solution:
    def hasCycle(self, head: Optional[ListNode]) -> bool:
        # Floyd's tortoise and hare: the fast pointer moves two nodes per round, the slow one one.
        # Without a loop the fast pointer reaches the end; inside a loop it gains one node per round
        # on the slow pointer, so it must land on it.
        slow = fast = head
        while fast is not None and fast.next is not None:
            slow = slow.next
            fast = fast.next.next
            if slow is fast:  # compare nodes, not values
                return True
        return False
