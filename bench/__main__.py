"""Run every benchmark: ``python -m bench`` (``make bench``)."""

from bench import board_fanout, registration_burst

if __name__ == "__main__":
    registration_burst.main()
    board_fanout.main()
