"""Resolve: which entity each attribution's source mention refers to."""
