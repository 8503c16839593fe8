"""Route paths in one place, so no path string is typed twice."""

HOME = "/"
PROGRAM = "/program"
REGISTRATION = "/rejestracja"

API_CONGRESS = "/api/congress"

MAIN_CONTENT_ID = "tresc"

# (path, label) of the main navigation, in order. Features add their entry when they land.
NAVIGATION: list[tuple[str, str]] = [
    (HOME, "Start"),
    (PROGRAM, "Program"),
]
