"""Describe: who the sources are, how they speak, and what the article adds up to."""
