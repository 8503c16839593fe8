"""Route paths in one place, so no path string is typed twice."""

HOME = "/"
PROGRAM = "/program"
REGISTRATION = "/rejestracja"
MANAGE = "/rejestracja/zarzadzanie"
RESEND_LINK = "/rejestracja/nie-mam-linku"
PARTICIPANTS = "/uczestnicy"
MY_CONGRESS = "/moj-kongres"
GROUPS = "/grupy"
BOARD = "/grupy/[numer]"
BOARD_SCREEN = "/grupy/[numer]/ekran"
PLENARY = "/plenarna"
PLENARY_SCREEN = "/plenarna/ekran"
CROWDFUNDING = "/zbiorki"
CROWDFUNDING_GUIDE = "/zbiorki/jak-zaczac"
CAMPAIGN = "/zbiorki/[id]"
GRANTS = "/konkursy"
RULES = "/regulamin"
ACCESSIBILITY = "/deklaracja-dostepnosci"
PRIVACY = "/ochrona-danych"
NOT_FOUND = "404"  # Reflex's slug for the page shown at any unknown address

STAFF_LOGIN = "/organizator/logowanie"
STAFF_HOME = "/organizator"
STAFF_PARTICIPANTS = "/organizator/uczestnicy"
STAFF_CHECK_IN = "/organizator/rejestracja-wejsc"
STAFF_CAMPAIGNS = "/organizator/zbiorki"
STAFF_GRANTS = "/organizator/konkursy"
STAFF_SETTINGS = "/organizator/ustawienia"
STAFF_TEAM = "/organizator/zespol"
STAFF_AUDIT = "/organizator/dziennik"

API_CONGRESS = "/api/congress"
API_EXPORT_CSV = "/api/organizator/uczestnicy.csv"
API_EXPORT_XLSX = "/api/organizator/uczestnicy.xlsx"
API_CHECK_IN_LIST = "/api/organizator/lista-obecnosci"
API_STATS = "/api/stats"
API_CAMPAIGNS = "/api/zbiorki"
API_QR = "/api/qr"
API_PLENARY_MD = "/api/plenarna.md"
API_PLENARY_CSV = "/api/plenarna.csv"
API_CALENDAR = "/api/kongres.ics"
# Where a form would post if a browser ever submitted it natively (before the page is live): a Polish page.
FORM_NOT_LIVE = "/api/formularz-niegotowy"

# Organisers' login and logout are plain HTTP posts: only the server sets (HttpOnly) and clears the session cookie.
STAFF_LOGIN_POST = "/api/organizator/logowanie"
STAFF_LOGOUT_POST = "/api/organizator/wyloguj"
STAFF_COOKIE = "kongres_org"
LOGIN_ERROR_PARAM = "blad"
LOGIN_NAME_PARAM = "login"

MAIN_CONTENT_ID = "tresc"
MANAGE_TOKEN_PARAM = "klucz"  # noqa: S105 (a query parameter name, not a secret)

# (path, label) of the main navigation, in order. Features add their entry when they land.
NAVIGATION: list[tuple[str, str]] = [
    (HOME, "Start"),
    (PROGRAM, "Program"),
    (REGISTRATION, "Rejestracja"),
    (GROUPS, "Grupy"),
    (PLENARY, "Sesja plenarna"),
    (MY_CONGRESS, "Mój kongres"),
    (PARTICIPANTS, "Uczestnicy"),
    (CROWDFUNDING, "Zbiórki"),
    (GRANTS, "Konkursy"),
]


# The organisers' own menu.
STAFF_NAVIGATION: list[tuple[str, str]] = [
    (STAFF_HOME, "Pulpit"),
    (STAFF_PARTICIPANTS, "Uczestnicy"),
    (STAFF_CHECK_IN, "Wejście"),
    (STAFF_CAMPAIGNS, "Zbiórki"),
    (STAFF_GRANTS, "Konkursy"),
    (STAFF_SETTINGS, "Ustawienia"),
    (STAFF_TEAM, "Zespół"),
    (STAFF_AUDIT, "Dziennik"),
]


def manage_url(token: str, *, new: bool = False) -> str:
    return f"{MANAGE}?{MANAGE_TOKEN_PARAM}={token}" + ("&nowa=1" if new else "")


def board_path(number: int) -> str:
    return f"{GROUPS}/{number}"


def campaign_path(campaign_id: int) -> str:
    return f"{CROWDFUNDING}/{campaign_id}"
