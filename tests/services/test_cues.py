"""Cues: which event sounds like what, and that the moments that matter most differ on every channel."""

from __future__ import annotations

import io
import wave

import pytest

from tui.services import cues as cues_module
from tui.services.cues import END_WORDS, RING_GAP, TONES, Cue, Cues, cue_for, pip_wav
from tui.engine.events import (
    BreathPhaseChanged, Countdown, RepCounted, SessionFinished, SideSwitched, StepStarted, TempoPhaseChanged,
)
from tui.engine.routine.model import Dose, Exercise, Kind, Position, Routine, Tempo
from tui.engine.routine.plan import StepKind, plan
from tui.cli.launch import NO_PLAYER, machine_notices, sound_notices

ROUTINE = Routine(name="Cues", key="cues", prepare=3, rest=4, switch_sides=2, exercises=(
    Exercise("Side plank", Kind.HOLD, Dose(hold_seconds=20), sides=True, position=Position.SIDE_LYING),
    Exercise("Bridge", Kind.REPS, Dose(reps=3), tempo=Tempo(2, 1, 2), position=Position.ON_BACK),
    Exercise("Curl-up", Kind.REPS, Dose(reps=3), position=Position.ON_BACK),
))
STEPS = plan(ROUTINE).steps


def step(kind: StepKind, title: str | None = None):
    return next(s for s in STEPS if s.kind is kind and (title is None or s.title == title))


class Process:
    """A started process that has already ended with `code`."""

    def __init__(self, code: int | None) -> None:
        self.returncode = code

    def poll(self) -> int | None:
        return self.returncode


class Recorder:
    """A bell, a `later` and a process starter that only write down what they were asked."""

    def __init__(self) -> None:
        self.bells = 0
        self.scheduled: list[float] = []
        self.spawned: list[list[str]] = []
        self.exit_code: int | None = 0
        self.warnings: list[str] = []

    def spawn(self, command: list[str]) -> Process:
        self.spawned.append(command)
        return Process(self.exit_code)

    def bell(self) -> None:
        self.bells += 1

    def later(self, seconds: float, callback) -> None:
        if callback == self.bell:  # only the bells' delays are of interest
            self.scheduled.append(seconds)
        callback()


@pytest.fixture
def rec(monkeypatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(cues_module, "_spawn", recorder.spawn)
    return recorder


# -- the mapping --------------------------------------------------------------


def test_a_work_step_or_a_rest_is_a_step_cue_naming_it():
    hold = step(StepKind.HOLD)
    assert cue_for(StepStarted(1.0, 1, hold), hold) == (Cue.STEP, "Side plank (left)")
    rest = step(StepKind.REST)
    assert cue_for(StepStarted(1.0, 4, rest), rest)[0] is Cue.STEP


def test_switching_sides_is_one_switch_cue_not_a_step_cue_as_well():
    switch = step(StepKind.SWITCH)
    assert cue_for(StepStarted(1.0, 2, switch), switch) is None
    assert cue_for(SideSwitched(1.0, "right"), switch) == (Cue.SWITCH, "Switch sides. Right side next.")


def test_the_end_and_the_countdown():
    assert cue_for(SessionFinished(9.0), None) == (Cue.END, END_WORDS)
    assert cue_for(Countdown(9.0, 3), None) == (Cue.COUNTDOWN, "")


def test_only_tempo_reps_are_counted_aloud_and_not_the_last():
    bridge = step(StepKind.REPS, "Bridge")
    curl = step(StepKind.REPS, "Curl-up")
    assert cue_for(RepCounted(1.0, 1, 3), bridge) == (Cue.REP, "")  # the next lift says "1. Lift"
    assert cue_for(RepCounted(1.0, 3, 3), bridge) is None  # the step change says the rest
    assert cue_for(RepCounted(1.0, 1, 3), curl) is None  # tapped: the person counts
    assert cue_for(RepCounted(1.0, 1, 3), None) is None


def test_each_tempo_phase_has_its_cue_and_the_lift_says_the_count():
    bridge = step(StepKind.REPS, "Bridge")
    assert cue_for(TempoPhaseChanged(1.0, "lift", 1), bridge) == (Cue.LIFT, "Lift")
    assert cue_for(TempoPhaseChanged(1.0, "lift", 3), bridge) == (Cue.LIFT, "2. Lift")
    assert cue_for(TempoPhaseChanged(1.0, "hold", 3), bridge) == (Cue.PHASE, "Hold")
    assert cue_for(TempoPhaseChanged(1.0, "lower", 3), bridge) == (Cue.LOWER, "Lower")
    assert cue_for(TempoPhaseChanged(1.0, "up", 1), bridge) is None
    assert cue_for(BreathPhaseChanged(1.0, "inhale", 1), bridge) is None
    assert cue_for(TempoPhaseChanged(1.0, "lift", 1), step(StepKind.REPS, "Curl-up")) is None


def test_the_routines_own_phase_words_are_spoken():
    from dataclasses import replace

    vacuum = step(StepKind.REPS, "Bridge")
    assert vacuum.tempo is not None
    vacuum = replace(vacuum, tempo=replace(vacuum.tempo, names=("draw in", "hold", "let go")))
    assert cue_for(TempoPhaseChanged(1.0, "lift", 2), vacuum) == (Cue.LIFT, "1. draw in")
    assert cue_for(TempoPhaseChanged(1.0, "lower", 2), vacuum) == (Cue.LOWER, "let go")


def test_lift_and_lower_have_pips_that_differ_and_a_rep_rings_only_without_a_player(rec):
    assert TONES[Cue.LIFT] != TONES[Cue.LOWER] and TONES[Cue.LIFT] == TONES[Cue.LOWER][::-1]
    Cues(rec.bell, later=rec.later, player=["player"]).play(Cue.REP)
    assert rec.bells == 0
    Cues(rec.bell, later=rec.later).play(Cue.LIFT)
    Cues(rec.bell, later=rec.later).play(Cue.LOWER)
    assert rec.bells == 0
    Cues(rec.bell, later=rec.later).play(Cue.REP)
    assert rec.bells == 1


# -- the bell -----------------------------------------------------------------


@pytest.mark.parametrize(("cue", "rings"), [(Cue.STEP, 1), (Cue.SWITCH, 2), (Cue.END, 3),
                                            (Cue.COUNTDOWN, 0), (Cue.REP, 1)])
def test_the_bell_counts_tell_the_cues_apart(rec, cue, rings):
    Cues(rec.bell, later=rec.later).play(cue)
    assert rec.bells == rings
    # The first at once, the others spaced on the event loop, never by sleeping.
    assert rec.scheduled == [pytest.approx(RING_GAP * n) for n in range(1, rings)]


# -- sounds -------------------------------------------------------------------


def frames(data: bytes) -> int:
    with wave.open(io.BytesIO(data)) as wav:
        return wav.getnframes()


def test_each_cue_that_matters_has_its_own_sound(rec, tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    cues = Cues(rec.bell, later=rec.later, player=["player", "-q"])
    for cue in (Cue.COUNTDOWN, Cue.STEP, Cue.SWITCH, Cue.END, Cue.COUNTDOWN):
        cues.play(cue)
    played = [command[-1] for command in rec.spawned]
    assert all(command[:2] == ["player", "-q"] for command in rec.spawned)
    assert len(played) == 5 and played[0] == played[4]  # one file per cue, made once
    assert len(set(played)) == 4
    contents = {path: open(path, "rb").read() for path in set(played)}
    assert len(set(contents.values())) == 4
    # Two pips to switch sides, three at the end: longer files.
    lengths = [frames(contents[path]) for path in played[:4]]
    assert lengths[0] == lengths[1] < lengths[2] < lengths[3]
    assert sorted(p.name for p in tmp_path.glob("lumbar-pip-*.wav")) != []
    cues.close()
    assert list(tmp_path.glob("lumbar-pip-*.wav")) == []
    cues.close()  # twice is harmless (the app and the launcher both close)


def test_a_rep_has_no_sound_and_no_player_means_no_file(rec, tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    Cues(rec.bell, player=["player"]).play(Cue.REP, "2")
    Cues(rec.bell).play(Cue.END)
    assert rec.spawned == []
    assert list(tmp_path.iterdir()) == []


def test_pips_are_separate_tones():
    one, three = pip_wav((880.0,)), pip_wav((660.0, 880.0, 1320.0), seconds=0.1, gap=0.05)
    assert frames(one) == int(0.12 * 22050)
    assert frames(three) == 3 * int(0.1 * 22050) + 2 * int(0.05 * 22050)


# -- speech -------------------------------------------------------------------


def test_speech_says_different_words_for_each_cue(rec):
    cues = Cues(rec.bell, voice=True, speaker=["speak"])
    for event, current in ((StepStarted(1.0, 1, step(StepKind.HOLD)), None),
                           (SideSwitched(2.0, "right"), None), (SessionFinished(3.0), None)):
        cues.play(*cue_for(event, current))
    said = [command[-1] for command in rec.spawned]
    assert len(said) == 3 and len(set(said)) == 3
    assert "Switch sides" in said[1] and said[2] == END_WORDS


def test_no_speech_without_voice_or_a_tool(rec):
    Cues(rec.bell, voice=False, speaker=["speak"]).play(Cue.STEP, "Plank")
    Cues(rec.bell, voice=True, speaker=None).play(Cue.STEP, "Plank")
    assert rec.spawned == []


# -- saying what is missing -----------------------------------------------------


def test_a_missing_player_is_announced_and_names_what_still_sounds():
    assert sound_notices(None, ["speak"], voice=False) == [NO_PLAYER]
    assert "pips" in NO_PLAYER and "bell" in NO_PLAYER
    assert sound_notices(["aplay"], ["speak"], voice=True) == []
    both = sound_notices(None, None, voice=True)
    assert len(both) == 2 and "speech" in both[1]
    assert sound_notices(["aplay"], None, voice=False) == []


# -- the app ------------------------------------------------------------------


class PlayRecorder:
    def __init__(self) -> None:
        self.played: list[tuple[Cue, str]] = []

    def play(self, cue: Cue, words: str = "") -> None:
        self.played.append((cue, words))

    def close(self) -> None:
        pass


async def test_the_app_plays_step_switch_and_end_once_each(make_app, fake_clock):
    from tests.app.drive import advance

    recorder = PlayRecorder()
    app = make_app({"cues": ROUTINE}, start="cues", cues=recorder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(3 + 20 + 2 + 20 + 10 + 15 + 4):  # to the tapped curl-ups
            await advance(app, pilot, fake_clock, 1)
        for _ in range(3):
            await pilot.press("enter")  # the tapped curl-ups
        await pilot.pause()
    main = [cue for cue, _ in recorder.played if cue in (Cue.STEP, Cue.SWITCH, Cue.END)]
    assert main == [Cue.STEP, Cue.STEP, Cue.SWITCH, Cue.STEP, Cue.STEP, Cue.STEP, Cue.STEP, Cue.STEP, Cue.END]
    assert [w for c, w in recorder.played if c is Cue.REP] == ["", ""]
    assert [w for c, w in recorder.played if c is Cue.LIFT] == ["1. Lift", "2. Lift"]
    assert sum(c is Cue.COUNTDOWN for c, _ in recorder.played) > 0


async def test_cues_for_time_long_past_are_not_played(make_app, fake_clock):
    from tests.app.drive import advance

    recorder = PlayRecorder()
    app = make_app({"cues": ROUTINE}, start="cues", cues=recorder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        recorder.played.clear()
        await advance(app, pilot, fake_clock, 3 + 20 + 2 + 10)  # a stall crosses three steps
    assert recorder.played == []


# -- a player that is there but fails --------------------------------------------


@pytest.mark.parametrize("code", [1, None], ids=["exits-1", "cannot-start"])
def test_a_failing_player_is_announced_once_and_the_bell_carries_on(rec, code, monkeypatch, tmp_path):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    if code is None:
        monkeypatch.setattr(cues_module, "_spawn", lambda command: rec.spawned.append(command))
    else:
        rec.exit_code = code
    cues = Cues(rec.bell, later=rec.later, player=["/usr/bin/paplay"], warn=rec.warnings.append)
    for cue in (Cue.COUNTDOWN, Cue.COUNTDOWN, Cue.STEP, Cue.END):
        cues.play(cue)
    assert len(rec.spawned) == 1  # the first try only
    assert len(rec.warnings) == 1 and "paplay" in rec.warnings[0] and "bell" in rec.warnings[0]
    assert rec.bells == 1 + 3
    cues.close()


def test_a_working_player_is_not_questioned(rec, tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    cues = Cues(rec.bell, later=rec.later, player=["aplay"], warn=rec.warnings.append)
    for cue in (Cue.COUNTDOWN, Cue.COUNTDOWN, Cue.STEP):
        cues.play(cue)
    assert len(rec.spawned) == 3 and rec.warnings == []
    cues.close()


def test_a_player_still_playing_is_checked_again_later(rec, tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    playing = Process(None)
    monkeypatch.setattr(cues_module, "_spawn", lambda command: rec.spawned.append(command) or playing)
    cues = Cues(rec.bell, player=["aplay"], warn=rec.warnings.append)
    cues.play(Cue.COUNTDOWN)
    cues.play(Cue.COUNTDOWN)
    assert rec.warnings == [] and len(rec.spawned) == 2
    playing.returncode = 2  # it ended, badly
    cues.play(Cue.COUNTDOWN)
    assert len(rec.warnings) == 1 and len(rec.spawned) == 2
    cues.close()


def test_a_missing_sound_player_is_said_on_the_first_start_only():
    # Each test has its own data dir (conftest), so this is a first start.
    assert machine_notices(None, None, voice=True)[0] == NO_PLAYER
    assert machine_notices(None, None, voice=True) == []
    assert machine_notices(None, None, voice=False) == []
