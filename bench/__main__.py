"""Run every benchmark: ``python -m bench`` (``make bench``)."""

from bench import board_fanout, first_load, login_flood, registration_burst

if __name__ == "__main__":
    registration_burst.main()
    board_fanout.main()
    first_load.main()
    login_flood.main()
