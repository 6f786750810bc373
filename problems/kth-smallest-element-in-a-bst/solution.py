# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
from typing import Optional


class Solution:
    def kthSmallest(self, root: Optional[TreeNode], k: int) -> int:
        # In-order traversal of a BST visits the values in increasing order.
        # Walk it with an explicit stack and stop at the k-th visited node.
        stack = []
        node = root
        while stack or node:
            while node:  # go as far left as possible, remembering the path
                stack.append(node)
                node = node.left
            node = stack.pop()  # the smallest value not yet visited
            k -= 1
            if k == 0:
                return node.val
            node = node.right  # then everything between it and its parent
        return -1  # unreachable: 1 <= k <= number of nodes
