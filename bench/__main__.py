"""Run every benchmark: ``python -m bench`` (``make bench``)."""

from bench import blocked_link, board_fanout, first_load, login_flood, push_bytes, registration_burst

if __name__ == "__main__":
    registration_burst.main()
    board_fanout.main()
    push_bytes.main()
    first_load.main()
    blocked_link.main()
    login_flood.main()
