// lumbar's cues as sound and vibration on the device holding the page. The patterns match
// the terminal's pips (tui/services/cues.py TONES): one pip starts a step, two rising ones
// switch sides, two falling ones end a round, three rising ones end the routine, and a high
// short pip counts down each of the last three seconds; on a tempo rep two rising pips
// start the lift and two falling ones the lowering. Tones are generated with Web Audio:
// no sound file, nothing fetched.
"use strict";

window.LumbarCues = (() => {
  const PIP = 0.12; // seconds of one pip
  const GAP = 0.08; // seconds between pips
  const EDGE = 0.01; // seconds of fade in and out, so a pip does not click
  const TONES = {
    countdown: [1320],
    step: [880],
    switch: [660, 990],
    round: [990, 660],
    end: [660, 880, 1320],
    lift: [784, 1047],
    lower: [1047, 784],
  };
  // Milliseconds of buzz and pause, for navigator.vibrate.
  const BUZZ = {
    countdown: [40],
    step: [150],
    switch: [120, 80, 120],
    round: [120, 80, 120],
    end: [120, 80, 120, 80, 300],
    lift: [60],
    lower: [60],
  };

  class Cues {
    constructor() {
      this.context = null;
      this.on = true;
      // Browsers start audio only from a person's own tap or key: the first one unlocks it.
      const unlock = () => this.unlock();
      for (const kind of ["pointerdown", "keydown", "touchend"]) {
        window.addEventListener(kind, unlock, { capture: true, passive: true });
      }
    }

    unlock() {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      if (this.context === null) this.context = new Context();
      if (this.context.state === "suspended") this.context.resume();
    }

    // A cue by name; unknown names are ignored.
    play(name) {
      if (!this.on || !(name in TONES)) return;
      if (navigator.vibrate) {
        try {
          navigator.vibrate(BUZZ[name]);
        } catch (error) {
          // Some browsers refuse vibration before a tap: the sound still plays.
        }
      }
      const context = this.context;
      if (context === null || context.state !== "running") return;
      let start = context.currentTime + 0.01;
      for (const frequency of TONES[name]) {
        const tone = context.createOscillator();
        const loudness = context.createGain();
        tone.type = "sine";
        tone.frequency.value = frequency;
        loudness.gain.setValueAtTime(0, start);
        loudness.gain.linearRampToValueAtTime(0.35, start + EDGE);
        loudness.gain.setValueAtTime(0.35, start + PIP - EDGE);
        loudness.gain.linearRampToValueAtTime(0, start + PIP);
        tone.connect(loudness).connect(context.destination);
        tone.start(start);
        tone.stop(start + PIP);
        start += PIP + GAP;
      }
    }
  }

  return { Cues, TONES, BUZZ };
})();
