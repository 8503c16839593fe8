from pathlib import Path

import pytest

from kongres_app.settings import DEFAULT_DB_PATH, ConfigError, load_settings


def test_defaults_use_absolute_sqlite_under_data_and_port_3000():
    settings = load_settings({})
    assert settings.db_url == f"sqlite:///{DEFAULT_DB_PATH}"
    assert settings.sqlite_path == DEFAULT_DB_PATH
    assert DEFAULT_DB_PATH.is_absolute() and DEFAULT_DB_PATH.parent.name == "data"
    assert settings.port == 3000
    assert settings.redis_url is None
    assert settings.smtp_url is None


def test_environment_overrides():
    settings = load_settings(
        {
            "REFLEX_DB_URL": "postgresql+psycopg://kongres:secret@127.0.0.1/kongres",
            "PORT": "8080",
            "REFLEX_REDIS_URL": "redis://127.0.0.1:6379/0",
            "KONGRES_SMTP_URL": "smtp://127.0.0.1:2525",
        }
    )
    assert settings.db_url.startswith("postgresql+psycopg://")
    assert not settings.is_sqlite and settings.sqlite_path is None
    assert settings.port == 8080
    assert settings.redis_url == "redis://127.0.0.1:6379/0"
    assert settings.smtp_url == "smtp://127.0.0.1:2525"


def test_blank_values_fall_back_to_defaults():
    settings = load_settings({"REFLEX_DB_URL": "  ", "PORT": ""})
    assert settings.port == 3000
    assert settings.sqlite_path == DEFAULT_DB_PATH


@pytest.mark.parametrize(
    ("env", "fragment"),
    [
        ({"REFLEX_DB_URL": "not a url"}, "nie jest poprawnym adresem"),
        ({"REFLEX_DB_URL": "mysql://u:p@h/db"}, "nieobsługiwaną bazę 'mysql'"),
        ({"REFLEX_DB_URL": "sqlite:///relative/kongres.db"}, "pełną ścieżkę"),
        ({"PORT": "abc"}, "PORT musi być liczbą"),
        ({"PORT": "70000"}, "1–65535"),
        ({"PORT": "0"}, "1–65535"),
        ({"REFLEX_REDIS_URL": "http://x"}, "redis://"),
        ({"KONGRES_SMTP_URL": "mail.example"}, "smtp://"),
    ],
)
def test_bad_values_are_refused_with_a_polish_message(env, fragment):
    with pytest.raises(ConfigError) as excinfo:
        load_settings(env)
    assert fragment in str(excinfo.value)


def test_absolute_sqlite_path_is_accepted(tmp_path: Path):
    settings = load_settings({"REFLEX_DB_URL": f"sqlite:///{tmp_path}/k.db"})
    assert settings.sqlite_path == tmp_path / "k.db"
