"""The organisers' session cookie: HttpOnly and SameSite=Strict always, Secure behind HTTPS; read back from a raw
Cookie header; cross-site posts refused."""

from kongres_app.services.staff_http import same_origin, session_cookie, token_from_cookie_header


def test_cookie_is_http_only_strict_and_secure_behind_https():
    plain = session_cookie("t", "http://localhost:3000")
    assert (plain.key, plain.httponly, plain.samesite, plain.secure, plain.path) == (
        "kongres_org",
        True,
        "strict",
        False,
        "/",
    )
    assert session_cookie("t", "https://kongres.powiat.example").secure is True
    assert plain.max_age == 12 * 3600


def test_token_is_read_from_the_cookie_header_and_bounded():
    assert token_from_cookie_header("a=1; kongres_org=abc123; b=2") == "abc123"
    assert token_from_cookie_header(None) == "" and token_from_cookie_header("other=1") == ""
    assert token_from_cookie_header("kongres_org=" + "x" * 101) == ""
    assert token_from_cookie_header("kongres_org=x; " + "y" * 9000) == ""


def test_posts_from_another_site_are_refused():
    assert same_origin(None, "http://127.0.0.1:3000", "http://localhost:3000")
    assert same_origin("http://127.0.0.1:3000", "http://127.0.0.1:3000", "http://localhost:3000")
    assert same_origin("https://kongres.example", "http://10.0.0.5:3000", "https://kongres.example")
    assert not same_origin("https://zla-strona.example", "http://127.0.0.1:3000", "http://localhost:3000")
