# Definition for singly-linked list.
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next
from typing import Optional


class Solution:
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        prev = None  # front of the part already reversed
        cur = head   # first node not yet reversed
        while cur is not None:
            rest = cur.next   # keep the rest of the list before overwriting the link
            cur.next = prev   # point this node back at the reversed part
            prev = cur        # it is now the front of the reversed part
            cur = rest
        return prev  # the old last node, or None for an empty list
