import socket

import pytest

from kongres_app import cli


def test_setup_migrates_and_seeds_idempotently(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("REFLEX_DB_URL", f"sqlite:///{tmp_path}/nested/dir/k.db")
    assert cli.main(["setup"]) == 0
    assert "dodano 22" in capsys.readouterr().out
    assert cli.main(["setup"]) == 0
    assert "nic nie zmieniono" in capsys.readouterr().out


def test_taken_port_gives_a_clear_message():
    with socket.socket() as holder:
        holder.bind(("0.0.0.0", 0))
        holder.listen()
        port = holder.getsockname()[1]
        with pytest.raises(cli.CliError, match=f"Port {port} jest już zajęty"):
            cli.check_port_free(port)


def test_free_port_passes():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cli.check_port_free(port)


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("mysql://u:p@localhost/db", "nieobsługiwaną bazę"),
        ("postgresql+psycopg://kongres:tajne@127.0.0.1:1/kongres", "Nie można połączyć się z bazą"),
    ],
)
def test_broken_database_url_stops_with_a_message(monkeypatch, capsys, url, fragment):
    monkeypatch.setenv("REFLEX_DB_URL", url)
    assert cli.main(["check"]) == 2
    err = capsys.readouterr().err
    assert fragment in err
    assert "tajne" not in err  # the password is never printed
    assert "Traceback" not in err
