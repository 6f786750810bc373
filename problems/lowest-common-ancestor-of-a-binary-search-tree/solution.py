# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, x):
#         self.val = x
#         self.left = None
#         self.right = None


class Solution:
    def lowestCommonAncestor(self, root: 'TreeNode', p: 'TreeNode', q: 'TreeNode') -> 'TreeNode':
        # Walk down from the root. While p and q lie on the same side of the current node,
        # the answer is in that subtree; the first node that separates them (or is one of
        # them) is the lowest node with both below it.
        node = root
        while node is not None:
            if p.val < node.val and q.val < node.val:
                node = node.left
            elif p.val > node.val and q.val > node.val:
                node = node.right
            else:
                return node
        return None  # unreachable: p and q are nodes of the tree
