"""Run every benchmark: ``python -m bench``."""

from bench import registration_burst

if __name__ == "__main__":
    registration_burst.main()
