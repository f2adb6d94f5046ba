//! Which text-node pieces to wrap in which marks. (Skeleton; the planner replaces it.)
