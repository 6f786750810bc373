# Definition for singly-linked list.
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next
from typing import Optional


class Solution:
    def removeNthFromEnd(self, head: Optional[ListNode], n: int) -> Optional[ListNode]:
        placeholder = ListNode(0, head)  # lets the head be removed like any other node

        # Put lead n nodes ahead of trail.
        lead = head
        for _ in range(n):
            lead = lead.next

        # Walk both until lead falls off the end; trail then sits just before the target.
        trail = placeholder
        while lead is not None:
            lead = lead.next
            trail = trail.next

        trail.next = trail.next.next  # unlink the n-th node from the end
        return placeholder.next
