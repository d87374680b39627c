"""The framework model: its files, node kinds, points, statuses (model) and its checks."""
