# Definition for singly-linked list.
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next
from typing import Optional


class Solution:
    def addTwoNumbers(self, l1: Optional[ListNode], l2: Optional[ListNode]) -> Optional[ListNode]:
        placeholder = ListNode()  # the result is built after this node
        tail = placeholder
        carry = 0
        # Continue while any digit or a leftover carry remains.
        while l1 is not None or l2 is not None or carry:
            column = carry
            if l1 is not None:
                column += l1.val
                l1 = l1.next
            if l2 is not None:
                column += l2.val
                l2 = l2.next
            carry = column // 10
            tail.next = ListNode(column % 10)
            tail = tail.next
        return placeholder.next
