"""What the page does with lumbar's news: the cues as sound (a stubbed Web Audio context
hears the step-change pip) and vibration, the screen kept awake while a routine runs and
let go when it pauses (a stubbed Screen Wake Lock), and `v` turning the sound off.

Skipped when /usr/bin/chromium or Playwright is missing; `.ci/run` installs both.
"""

from __future__ import annotations

from tests.browser.serving import events, wait_for

#: Before the page's scripts: an audio context, a wake lock and vibration that only record.
STUBS = """
window.heard = []; window.locks = []; window.buzzed = [];
class Tone {
  constructor() { this.frequency = {value: 0}; this.type = ''; }
  connect(node) { return node; }
  start() { window.heard.push(this.frequency.value); }
  stop() {}
}
class Loudness {
  constructor() { this.gain = {setValueAtTime() {}, linearRampToValueAtTime() {}}; }
  connect(node) { return node; }
}
window.AudioContext = class {
  constructor() { this.state = 'suspended'; this.currentTime = 0; this.destination = {}; }
  resume() { this.state = 'running'; return Promise.resolve(); }
  createOscillator() { return new Tone(); }
  createGain() { return new Loudness(); }
};
Object.defineProperty(navigator, 'wakeLock', {configurable: true, value: {
  request: async () => {
    window.locks.push('taken');
    return {addEventListener() {}, release: async () => { window.locks.push('released'); }};
  }}});
navigator.vibrate = (pattern) => { window.buzzed.push(pattern); return true; };
"""


def test_cues_sound_and_buzz_and_the_screen_stays_awake_while_the_routine_runs(server, phone) -> None:
    url, trace = server
    page, _ = phone(url, script=STUBS)
    assert page.evaluate("window.locks") == [], "no routine yet: the screen may sleep"
    page.keyboard.press("Enter")  # Breathing; the key also unlocks audio
    page.keyboard.press("s")  # no check-in
    wait_for(lambda: any(e["type"] == "StepStarted" for e in events(trace)), 20, "the routine")
    # The step change: one 880 Hz pip (tui/services/cues.py TONES), and a buzz.
    wait_for(lambda: 880 in page.evaluate("window.heard"), 5, "the step-change pip")
    assert page.evaluate("window.buzzed")
    wait_for(lambda: page.evaluate("window.locks") == ["taken"], 5, "the wake lock")

    page.keyboard.press(" ")  # pause: the screen may sleep again
    wait_for(lambda: page.evaluate("window.locks") == ["taken", "released"], 5, "its release")

    page.keyboard.press("v")  # sound off
    page.keyboard.press(" ")  # running again: awake again
    wait_for(lambda: page.evaluate("window.locks")[-1:] == ["taken"], 5, "the lock again")
    heard = len(page.evaluate("window.heard"))
    page.keyboard.press("n")  # a step change with the sound off
    wait_for(lambda: sum(e["type"] == "StepStarted" for e in events(trace)) >= 2, 10, "the next step")
    page.wait_for_timeout(500)
    assert len(page.evaluate("window.heard")) == heard, "off: no more pips"
