# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


class Solution:
    def goodNodes(self, root: TreeNode) -> int:
        # Depth-first walk with an explicit stack (the tree can be 10^5 levels deep).
        # Each entry carries the largest value on the path from the root down to the node's parent.
        good = 0
        stack = [(root, root.val)]
        while stack:
            node, path_max = stack.pop()
            if node.val >= path_max:  # nothing above it is larger: a good node
                good += 1
                path_max = node.val
            if node.left:
                stack.append((node.left, path_max))
            if node.right:
                stack.append((node.right, path_max))
        return good
