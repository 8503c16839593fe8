"""Every live push in one package: the board, plenary, groups-list and announcement rooms (``rooms``), the
dashboard and other per-tab refreshes (``push``), and the one module that touches Reflex internals
(``reflex_adapter``)."""
