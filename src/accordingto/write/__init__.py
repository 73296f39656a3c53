"""Write: render an ``Analysis`` for people (text table, HTML report) and programs (JSON)."""
