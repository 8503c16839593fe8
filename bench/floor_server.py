"""The floor for the fan-out benchmark: a bare python-socketio server in its own process.

A client's ``post`` event makes it broadcast the payload to the room every tab joined on connect,
the same path (client → server → room) as a note on a board, with no app work at all.
Run: ``python -m bench.floor_server PORT``.
"""

import sys

import socketio
import uvicorn

NAMESPACE = "/_event"
sio = socketio.AsyncServer(async_mode="asgi", cors_allowed_origins="*")


@sio.on("connect", namespace=NAMESPACE)
async def connect(sid, environ, auth=None):
    await sio.enter_room(sid, "board", namespace=NAMESPACE)
    await sio.emit("event", {"hydrated": True}, to=sid, namespace=NAMESPACE)


@sio.on("post", namespace=NAMESPACE)
async def post(sid, data):
    await sio.emit("event", {"delta": {"board": data}}, room="board", namespace=NAMESPACE)


if __name__ == "__main__":
    uvicorn.run(
        socketio.ASGIApp(sio, socketio_path="_event"),
        host="127.0.0.1",
        port=int(sys.argv[1]),
        log_level="error",
        ws_per_message_deflate=False,  # like Granian (the app's server), which does not compress frames
    )
