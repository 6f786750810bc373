# Definition for singly-linked list.
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next
from typing import Optional


class Solution:
    def reorderList(self, head: Optional[ListNode]) -> None:
        """
        Do not return anything, modify head in-place instead.
        """
        if head is None or head.next is None:
            return

        # 1. Find the end of the first half: fast moves two steps for each step of slow.
        slow, fast = head, head
        while fast.next is not None and fast.next.next is not None:
            slow = slow.next
            fast = fast.next.next

        # 2. Cut after slow and reverse the second half.
        second = slow.next
        slow.next = None
        prev = None
        while second is not None:
            rest = second.next
            second.next = prev
            prev = second
            second = rest

        # 3. Weave: one node from the front half, then one from the reversed back half.
        #    The front half is as long as the back half or one node longer.
        front, back = head, prev
        while back is not None:
            front_rest, back_rest = front.next, back.next
            front.next = back
            back.next = front_rest
            front, back = front_rest, back_rest
