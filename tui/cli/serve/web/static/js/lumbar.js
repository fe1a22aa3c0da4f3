// The page's terminal: xterm.js (vendor/, unchanged) connected to one lumbar process through
// textual-serve's websocket protocol. Ours, in place of textual-serve's textual.js, so that
// the page can refit the type when the phone turns, draw whole at any pixel ratio, and hear
// what lumbar says to it.
//
// The protocol (textual_serve/app_service.py): the server sends the terminal's bytes as
// binary frames and JSON text frames ["pong", t], ["log", s], ...; the page sends JSON
// ["stdin", text], ["resize", {width, height}], ["ping", t], ["focus"], ["blur"].
"use strict";

(() => {
  // The smallest terminal lumbar draws whole (its 60x20 layout), plus a column of slack
  // for the rounding of the cell width.
  const COLUMNS = 61;
  const ROWS = 20;
  // The type is never made smaller than this, even if the terminal then falls short: below
  // it nothing can be read.
  const SMALLEST_TYPE = 6;
  const FONTS = "'Roboto Mono', 'Lumbar Symbols', 'Lumbar Braille', monospace";

  // Chromium's device emulation (and some embedded browsers) report a canvas's device-pixel
  // box in CSS pixels while devicePixelRatio is 2 or 3. xterm.js sizes its canvas from that
  // box and draws its glyphs at the ratio, so only the top-left half or third of the terminal
  // appeared. Where the two disagree by more than a device pixel, the box is recomputed from
  // the CSS box and the ratio; on a browser that reports it right nothing changes.
  const NativeResizeObserver = window.ResizeObserver;
  if (NativeResizeObserver) {
    window.ResizeObserver = class extends NativeResizeObserver {
      constructor(callback) {
        super((entries, observer) => callback(entries.map(mended), observer));
      }
    };
  }
  function mended(entry) {
    const device = entry.devicePixelContentBoxSize && entry.devicePixelContentBoxSize[0];
    const css = entry.contentBoxSize && entry.contentBoxSize[0];
    const ratio = window.devicePixelRatio || 1;
    if (!device || !css) return entry;
    const width = Math.round(css.inlineSize * ratio);
    const height = Math.round(css.blockSize * ratio);
    if (Math.abs(device.inlineSize - width) <= ratio && Math.abs(device.blockSize - height) <= ratio) {
      return entry;
    }
    return {
      target: entry.target,
      contentRect: entry.contentRect,
      contentBoxSize: entry.contentBoxSize,
      borderBoxSize: entry.borderBoxSize,
      devicePixelContentBoxSize: [{ inlineSize: width, blockSize: height }],
    };
  }

  class Page {
    constructor(element) {
      this.element = element;
      this.url = element.dataset.sessionWebsocketUrl;
      const asked = new URLSearchParams(window.location.search).get("fontsize");
      // The size the person asked for (?fontsize=) is kept exactly; otherwise it is where
      // fitting starts, shrunk as far as the screen needs.
      this.askedType = asked !== null;
      this.preferredType = Number(element.dataset.fontSize) || 16;
      this.socket = null;
      this.tries = 0;
      this.saidBye = false;
      this.cues = new LumbarCues.Cues();
      this.awake = new LumbarAwake.Awake();
      this.terminal = new Terminal({
        allowProposedApi: true,
        fontFamily: FONTS,
        fontSize: this.preferredType,
        scrollback: 0,
        // Textual draws its own cursor; xterm's would blink over the key bar.
        cursorInactiveStyle: "none",
      });
      this.fitAddon = new FitAddon.FitAddon();
      this.terminal.loadAddon(this.fitAddon);
      const unicode = new Unicode11Addon.Unicode11Addon();
      this.terminal.loadAddon(unicode);
      this.terminal.unicode.activeVersion = "11";
      this.terminal.open(element);
      this.useWebgl();
      this.terminal.onResize(({ cols, rows }) => this.send(["resize", { width: cols, height: rows }]));
      this.terminal.onData((data) => this.send(["stdin", data]));
      const screen = element.querySelector(".xterm-screen");
      screen.addEventListener("focus", () => this.send(["focus"]), true);
      screen.addEventListener("blur", () => this.send(["blur"]), true);
      // Turning the phone, resizing the window, the on-screen keyboard coming and going:
      // refit the type and the terminal, once things have settled.
      let pending = null;
      const later = () => {
        clearTimeout(pending);
        pending = setTimeout(() => this.fit(), 80);
      };
      window.addEventListener("resize", later);
      window.addEventListener("orientationchange", later);
      if (window.visualViewport) window.visualViewport.addEventListener("resize", later);
      this.fit();
    }

    // WebGL draws box drawing and block elements itself at the device's pixel ratio; where
    // there is no WebGL (or it is lost), xterm.js's DOM renderer takes over.
    useWebgl() {
      if (!window.WebglAddon) return;
      try {
        const webgl = new WebglAddon.WebglAddon();
        webgl.onContextLoss(() => webgl.dispose());
        this.terminal.loadAddon(webgl);
      } catch (error) {
        console.log("lumbar: no WebGL, drawing with the DOM", error);
      }
    }

    // The largest type (up to the preferred size) that gives lumbar COLUMNS x ROWS cells.
    fit() {
      if (!this.askedType) {
        this.terminal.options.fontSize = this.preferredType;
        const first = this.fitAddon.proposeDimensions();
        if (first && (first.cols < COLUMNS || first.rows < ROWS)) {
          const shrink = Math.min(first.cols / COLUMNS, first.rows / ROWS);
          let size = Math.max(SMALLEST_TYPE, Math.floor(this.preferredType * shrink * 10) / 10);
          this.terminal.options.fontSize = size;
          // Cell widths round to device pixels: step down until it really fits.
          for (let i = 0; i < 20 && size > SMALLEST_TYPE; i++) {
            const again = this.fitAddon.proposeDimensions();
            if (!again || (again.cols >= COLUMNS && again.rows >= ROWS)) break;
            size = Math.max(SMALLEST_TYPE, Math.round((size - 0.2) * 10) / 10);
            this.terminal.options.fontSize = size;
          }
        }
      }
      this.fitAddon.fit();
    }

    send(message) {
      if (this.socket && this.socket.readyState === WebSocket.OPEN) {
        this.socket.send(JSON.stringify(message));
      }
    }

    // One lumbar per page: the page names itself (kept across a reload of the same tab),
    // so that when it connects again the server ends the old lumbar first and the new one
    // takes the routine up where it stopped.
    static pageId() {
      let id = sessionStorage.getItem("lumbar-page");
      if (!id) {
        id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("");
        sessionStorage.setItem("lumbar-page", id);
      }
      return id;
    }

    connect(again = false) {
      this.fit();
      const size = this.fitAddon.proposeDimensions() || { cols: 80, rows: 24 };
      const query = new URLSearchParams({ width: size.cols, height: size.rows, page: Page.pageId() });
      // A finger, not a mouse: lumbar names taps instead of keys.
      if (window.matchMedia("(pointer: coarse)").matches) query.set("touch", "1");
      if (again) query.set("resume", "1");
      const socket = new WebSocket(`${this.url}?${query}`);
      socket.binaryType = "arraybuffer";
      this.socket = socket;
      this.saidBye = false;
      socket.addEventListener("open", () => {
        this.tries = 0;
        document.body.classList.remove("-reconnecting");
        this.element.classList.add("-connected");
        this.fit();
        this.send(["resize", { width: this.terminal.cols, height: this.terminal.rows }]);
        document.body.classList.add("-loaded");
      });
      socket.addEventListener("close", () => this.closed(socket));
      socket.addEventListener("message", (event) => {
        if (typeof event.data === "string") {
          this.heard(event.data);
          return;
        }
        const bytes = new Uint8Array(event.data);
        this.terminal.write(bytes);
        if (bytes.length > 10) document.body.classList.add("-first-byte");
      });
    }

    // What lumbar tells the page, relayed by the server as ["lumbar", {...}]; logs and
    // pongs are not shown.
    heard(text) {
      let message;
      try {
        message = JSON.parse(text);
      } catch (error) {
        return;
      }
      if (!Array.isArray(message) || message[0] !== "lumbar") return;
      const news = message[1] || {};
      if (typeof news.cue === "string") this.cues.play(news.cue);
      if (typeof news.sound === "boolean") this.cues.on = news.sound;
      if (typeof news.awake === "boolean") this.awake.want(news.awake);
      if (news.bye === true) this.saidBye = true;
    }

    // lumbar quit by itself (q, or the server stopping): say so. Anything else (the phone
    // slept, the network blinked) is a dropped connection: connect again, and the next
    // lumbar resumes the routine, paused.
    closed(socket) {
      if (socket !== this.socket) return;
      this.awake.want(false);
      if (this.saidBye) {
        document.body.classList.add("-closed");
        return;
      }
      document.body.classList.add("-reconnecting");
      const wait = Math.min(10000, 500 * 2 ** (this.tries || 0));
      this.tries = (this.tries || 0) + 1;
      const retry = () => {
        if (document.visibilityState === "hidden") {
          // A sleeping phone cannot connect: try as soon as it wakes.
          document.addEventListener("visibilitychange", retry, { once: true });
          return;
        }
        this.connect(true);
      };
      setTimeout(retry, wait);
    }
  }

  window.addEventListener("load", async () => {
    // The cell is measured once the terminal opens: measure it in our own font.
    try {
      await Promise.all(["Roboto Mono", "Lumbar Symbols"].map((family) => document.fonts.load(`16px "${family}"`)));
    } catch (error) {
      console.log("lumbar: a font did not load", error);
    }
    const element = document.getElementById("terminal");
    const page = new Page(element);
    window.lumbarPage = page; // for the browser tests
    if (!new URLSearchParams(window.location.search).get("delay")) page.connect();
    else document.getElementById("start").classList.add("-delay");
    // Keys reach lumbar at once, without a click into the page first.
    page.terminal.focus();
  });
})();
