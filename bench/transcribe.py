"""Transcription speed: bare faster-whisper against Parallel end to end, on the same clip.

Run: .venv/bin/python bench/transcribe.py [--repeat 3] [--seconds 45]

espeak-ng speaks a fictional session of at least ``--seconds`` seconds. In one process the
benchmark then measures:
  - model load: the first load of the configured model (bundled tiny.en unless WHISPER_MODEL);
  - bare: ``WhisperModel.transcribe`` with Parallel's settings (beam 5, VAD, language en),
    iterating every segment; audio seconds per wall second;
  - parallel: upload through the real API (test client, a scratch SQLite file) with
    the embedded worker running, until GET reports ``done``; audio seconds per wall second
    from the start of the upload (validation by decoding included) to ``done``;
  - the ratio parallel / bare (goal >= 0.9), peak memory (getrusage) and whether the model
    stayed loaded between jobs (the later jobs report load_seconds 0).
Each measurement is the best of ``--repeat`` runs, alternating bare and parallel.
"""

from __future__ import annotations

import argparse
import io
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARAGRAPHS = [
    "Therapist: Last week you mentioned that mornings have been the hardest part of the day.",
    "Client: Yes. I wake up early and the quiet makes everything feel heavier than it is.",
    "Therapist: What goes through your mind in that quiet hour before anyone else is awake?",
    "Client: Mostly lists. Things I should have done, and things I still have to do at work.",
    "Therapist: It sounds like the lists keep you company, but they are harsh company.",
    "Client: That is true. I never thought of them as company, but they are always there.",
    "Therapist: I notice that I want to give you a plan for the mornings, and I wonder about it.",
    "Client: Maybe everyone wants to fix me. My family does it too, and I end up feeling small.",
    "Therapist: Then let us slow down and stay with how small it feels, before any plan at all.",
    "Client: When I feel small I go quiet, and then I get angry with myself for going quiet.",
    "Therapist: So the quiet in the morning and the quiet in here might be related somehow.",
    "Client: I had not thought of that. It is the same feeling, like waiting to be told off.",
]


def make_clip(folder: Path, min_seconds: float) -> tuple[Path, float]:
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        sys.exit("espeak-ng is needed to make the clip (Debian: apt-get install espeak-ng).")
    text = " ".join(PARAGRAPHS)
    path = folder / "session.wav"
    while True:
        subprocess.run([espeak, "-s", "165", "-w", str(path), text], check=True, timeout=120)
        with wave.open(str(path)) as clip:
            seconds = clip.getnframes() / clip.getframerate()
        if seconds >= min_seconds:
            return path, seconds
        text = text + " " + " ".join(PARAGRAPHS)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_run(model, path: Path, beam: int) -> float:
    started = time.perf_counter()
    segments, _info = model.transcribe(str(path), language="en", beam_size=beam, vad_filter=True)
    for _segment in segments:
        pass
    return time.perf_counter() - started


def parallel_run(client, sockets, data: bytes) -> tuple[float, dict]:
    """Upload, then wait for the ``transcription`` event saying done, as the page does."""
    started = time.perf_counter()
    response = client.post(
        "/api/v1/transcriptions",
        data={"file": (io.BytesIO(data), "session.wav")},
        content_type="multipart/form-data",
    )
    if response.status_code != 202:
        sys.exit(f"upload refused: {response.status_code} {response.get_json()}")
    job_id = response.get_json()["id"]
    finished = None
    while finished is None:
        # Reading the test client's received events is cheap: no request, no query.
        for event in sockets.get_received():
            data_ = event["args"][0] if event["args"] else {}
            mine = event["name"] == "transcription" and data_.get("id") == job_id
            if mine and data_["status"] in ("done", "failed"):
                finished = data_["status"]
        time.sleep(0.01)
    elapsed = time.perf_counter() - started
    state = client.get(response.headers["Location"]).get_json()
    if state["status"] != "done":
        sys.exit(f"the job failed: {state.get('error')}")
    return elapsed, state


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=45.0)
    args = parser.parse_args()

    from app import create_app
    from app.config import TestingConfig
    from app.extensions import db, socketio
    from app.jobs.queue import embedded_worker
    from app.services import accounts
    from app.transcribe.whisper import is_loaded, load_model, model_label, resolve_model

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clip, seconds = make_clip(folder, args.seconds)
        data = clip.read_bytes()
        app = create_app(
            TestingConfig(
                database_url=f"sqlite:///{folder / 'bench.db'}",
                instance=str(folder),
                EMBEDDED_WORKER=True,
                LOG_LEVEL="WARNING",
            )
        )
        config = app.config
        path = resolve_model(config["WHISPER_MODEL"])
        device, compute = config["WHISPER_DEVICE"], config["WHISPER_COMPUTE_TYPE"]
        memory_before = peak_mb()
        model, load_seconds = load_model(path, device, compute)
        memory_loaded = peak_mb()
        print(f"clip: {seconds:.1f} s of espeak-ng speech ({len(data) / 1e6:.1f} MB WAV)")
        print(
            f"model: {model_label(path)} on {device}/{compute}, beam {config['WHISPER_BEAM_SIZE']}"
        )
        print(
            f"model load: {load_seconds:.2f} s; peak memory {memory_before:.0f} MB before, "
            f"{memory_loaded:.0f} MB after loading"
        )

        with app.app_context():
            db.create_all()  # a scratch database for this run only
            user = accounts.register(
                "bench@example.org", "correct horse battery staple 42", "Bench"
            )
            _, token = accounts.create_token(user, "bench")
            db.session.commit()
        client = app.test_client()
        client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        sockets = socketio.test_client(app, auth={"token": token})

        bare_times, parallel_times, states = [], [], []
        for _ in range(max(1, args.repeat)):
            bare_times.append(bare_run(model, clip, config["WHISPER_BEAM_SIZE"]))
            elapsed, state = parallel_run(client, sockets, data)
            parallel_times.append(elapsed)
            states.append(state)
        embedded_worker(app).stop()
        sockets.disconnect()

        bare, parallel = min(bare_times), min(parallel_times)
        bare_speed, parallel_speed = seconds / bare, seconds / parallel
        engine = [s["transcribe_seconds"] for s in states]
        print(
            f"bare faster-whisper:   {bare:6.2f} s wall  -> {bare_speed:5.1f}x real time "
            f"(runs: {', '.join(f'{t:.2f}' for t in bare_times)})"
        )
        print(
            f"Parallel end to end:   {parallel:6.2f} s wall  -> {parallel_speed:5.1f}x real time "
            f"(runs: {', '.join(f'{t:.2f}' for t in parallel_times)}; engine inside the job: "
            f"{', '.join(f'{t:.2f}' for t in engine)})"
        )
        print(f"ratio Parallel / bare: {parallel_speed / bare_speed:.2f}x  (goal >= 0.90)")
        loads = [s["load_seconds"] for s in states]
        stays = is_loaded(path, device, compute) and all(value == 0 for value in loads)
        print(
            f"model stays loaded between jobs: {'yes' if stays else 'no'} "
            f"(load_seconds per job: {', '.join(f'{v:.2f}' for v in loads)})"
        )
        print(f"peak memory (ru_maxrss): {peak_mb():.0f} MB")
        print(f"segments: {len(states[-1]['segments'])}, words: {len(states[-1]['text'].split())}")


if __name__ == "__main__":
    main()
