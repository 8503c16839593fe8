"""Whether the live link is up, as the browser sees it: "starting", "live", "down" or "back".

Reflex reports a failed connection only after socket.io gives up on an attempt; behind a hall network that
lets the websocket open and then answers nothing, that takes about 20 s, and a form's send button stays
disabled all that time without a word. So the page also counts a link that is not live a few seconds after
the page opened as down, and says so when it comes back. Built from public Reflex vars (``is_hydrated``, the
connection errors) and one React hook; no state on the server (the server is what is missing).
"""

import reflex as rx
from reflex.vars import VarData

from kongres_app.live.reflex_adapter import CONNECTION_ERRORS as has_connection_errors

# How long a page may take to go live before the person is told it has not (a phone on a slow hall network
# normally connects in 1–2 s).
DOWN_AFTER_MS = 4000
BACK_SHOWN_MS = 8000

IS_LIVE = rx.State.is_hydrated & ~has_connection_errors

_HOOK = f"""
const [liveLinkPhase, setLiveLinkPhase] = useState("starting");
const liveLinkWasDown = useRef(false);
const liveLinkBackTimer = useRef(null);
const liveLinkIsLive = !!({IS_LIVE!s});
const liveLinkDown = () => {{
  liveLinkWasDown.current = true;
  clearTimeout(liveLinkBackTimer.current);
  setLiveLinkPhase("down");
}};
useEffect(() => {{
  if (liveLinkIsLive) {{
    if (liveLinkWasDown.current) {{
      liveLinkWasDown.current = false;
      setLiveLinkPhase("back");
      // Not tied to this effect: a rehydration flicker must not cut the notice short.
      liveLinkBackTimer.current = setTimeout(() => setLiveLinkPhase("live"), {BACK_SHOWN_MS});
    }} else {{
      setLiveLinkPhase((phase) => (phase === "back" ? phase : "live"));
    }}
    return;
  }}
  if ({has_connection_errors!s}) {{ liveLinkDown(); return; }}
  const late = setTimeout(liveLinkDown, {DOWN_AFTER_MS});
  return () => clearTimeout(late);
}}, [liveLinkIsLive, {has_connection_errors!s}]);
useEffect(() => {{
  // A phone that lost its network says so at once; the socket notices only when a send or a ping fails.
  window.addEventListener("offline", liveLinkDown);
  return () => window.removeEventListener("offline", liveLinkDown);
}}, []);
"""

PHASE = rx.Var(
    _js_expr="liveLinkPhase",
    _var_data=VarData.merge(
        IS_LIVE._get_all_var_data(),
        VarData(imports={"react": ["useState", "useEffect", "useRef"]}, hooks={_HOOK: None}),
    ),
).to(str)

LINK_DOWN = PHASE == "down"
LINK_BACK = PHASE == "back"
