import base64
import hashlib

from kongres_app.security_headers import policy, script_hashes


def test_inline_scripts_are_allowed_by_their_hash_only():
    html = b'<script>alert(1)</script><script src="/a.js"></script><script type="module">import "/m.js";</script>'
    digest = base64.b64encode(hashlib.sha256(b"alert(1)").digest()).decode()
    hashes = script_hashes(html)
    assert hashes[0] == f"'sha256-{digest}'" and len(hashes) == 2
    csp = policy("example.org:3000", hashes)
    assert "connect-src 'self' ws://example.org:3000 wss://example.org:3000" in csp
    assert "ws://" not in policy("evil.org; script-src *", [])  # a forged Host header cannot add sources
