from kongres_app.services.codes import (
    CODE_ALPHABET,
    CODE_LENGTH,
    display_code,
    hash_token,
    new_code,
    new_token,
    normalise_code,
)


def test_codes_use_only_unambiguous_characters():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000  # 31^8 possibilities: a repeat here would mean a broken generator
    for code in codes:
        assert len(code) == CODE_LENGTH
        assert set(code) <= set(CODE_ALPHABET)
    assert not set("01OIL") & set(CODE_ALPHABET)


def test_codes_are_not_sequential():
    a, b = new_code(), new_code()
    assert abs(int.from_bytes(a.encode()) - int.from_bytes(b.encode())) > 1


def test_typed_and_scanned_codes_are_normalised():
    assert normalise_code(" abcd-2345\n") == "ABCD2345"
    assert normalise_code("ABCD 2345") == "ABCD2345"
    assert normalise_code("ABCD-234") is None
    assert normalise_code("ABCD-0345") is None  # 0 is never in a code
    assert display_code("ABCD2345") == "ABCD-2345"


def test_tokens_are_long_random_and_hashed():
    token = new_token()
    assert len(token) >= 43 and token != new_token()
    assert hash_token(token) == hash_token(token)
    assert len(hash_token(token)) == 64 and token not in hash_token(token)
