"""One file per schema revision, applied in order by ``open_store``."""
