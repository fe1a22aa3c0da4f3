// Keeps the phone's screen on while a routine runs (the Screen Wake Lock API, where there is
// one), and lets it go when the routine pauses or ends. The browser drops the lock whenever
// the page is hidden; it is taken again when the page comes back, if still wanted.
"use strict";

window.LumbarAwake = (() => {
  class Awake {
    constructor() {
      this.wanted = false;
      this.lock = null;
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible" && this.wanted) this.take();
      });
    }

    async want(on) {
      this.wanted = on;
      if (on) await this.take();
      else await this.release();
    }

    async take() {
      if (this.lock !== null || !("wakeLock" in navigator)) return;
      try {
        this.lock = await navigator.wakeLock.request("screen");
        this.lock.addEventListener("release", () => {
          this.lock = null;
        });
      } catch (error) {
        // Refused (battery saver, a hidden page): the routine runs on all the same.
        this.lock = null;
      }
    }

    async release() {
      const lock = this.lock;
      this.lock = null;
      if (lock !== null) {
        try {
          await lock.release();
        } catch (error) {
          // Already released by the browser.
        }
      }
    }
  }

  return { Awake };
})();
