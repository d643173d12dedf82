"""The host-level link graph and link authority (stages hostgraph, rank, select)."""
