// Newsdesk's reader scripts, in one file so a page costs one request for them. Each part starts
// only where its markup is on the page; without JavaScript every page still works.

// The words the scripts show, in the page's language: base.html prints them, translated, as
// JSON (a data block, which the Content-Security-Policy does not treat as a script).
function uiText(key, fallback, count) {
  if (!uiText.strings) {
    const data = document.getElementById("ui-strings");
    try {
      uiText.strings = data ? JSON.parse(data.textContent) : {};
    } catch (error) {
      uiText.strings = {};
    }
  }
  const text = uiText.strings[key] || fallback;
  return count === undefined ? text : text.replace("%s", count);
}

// Live news feed: keeps the page's feed list current from /news-feed/stream/ (Server-Sent Events).
// Without this script the list is plain HTML that a reload updates.
(() => {
  "use strict";
  const root = document.querySelector("[data-live-feed]");
  if (!root || root.dataset.liveStarted || !("EventSource" in window)) return;
  root.dataset.liveStarted = "1";

  const announcer = root.querySelector("[data-feed-announcer]");
  const newButton = root.querySelector("[data-feed-new]");
  const empty = root.querySelector("[data-feed-empty]");
  const byDay = root.dataset.order === "newest";
  const limit = Number(root.dataset.limit) || Infinity;
  let lastId = root.dataset.cursor || "";
  let unseen = 0;
  let source = null;
  const ANSWER_MS = 10000;

  // Pinned first (in the sidebars), then newest first; ties by id, newest first.
  const sortKey = (li) => [
    byDay ? 0 : Number(li.dataset.pinned),
    Number(li.dataset.published),
    Number(li.id.replace(/\D/g, "")),
  ];
  const before = (a, b) => {
    const [ka, kb] = [sortKey(a), sortKey(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] > kb[i];
    return false;
  };

  function listFor(li) {
    if (!byDay) return root.querySelector("[data-feed-list]");
    const day = root.querySelector(`.feed-day[data-day="${li.dataset.day}"] [data-feed-list]`);
    if (day || !("insert" in root.dataset)) return day;
    const newest = root.querySelector(".feed-day");
    if (newest && newest.dataset.day > li.dataset.day) return null;
    // The first update of a new day: a group like the server's, headed "Today".
    const section = document.createElement("section");
    section.className = "feed-day";
    section.dataset.day = li.dataset.day;
    section.setAttribute("aria-labelledby", `day-${li.dataset.day}`);
    section.innerHTML = `<h2 class="feed-day__heading" id="day-${li.dataset.day}">Today</h2>` +
      `<ol class="feed-list" data-feed-list></ol>`;
    root.insertBefore(section, newest || empty);
    return section.querySelector("[data-feed-list]");
  }

  function place(li, list) {
    const next = [...list.children].find((other) => other !== li && before(li, other));
    list.insertBefore(li, next || null);
    list.hidden = false;
  }

  function tidy() {
    for (const section of root.querySelectorAll(".feed-day")) {
      if (!section.querySelector("li")) section.remove();
    }
    if (!byDay) {
      const list = root.querySelector("[data-feed-list]");
      while (list.children.length > limit) list.lastElementChild.remove();
      list.hidden = list.children.length === 0;
    }
    if (empty) empty.hidden = root.querySelector("[data-feed-list] li") !== null;
  }

  function listIsAboveView() {
    return root.getBoundingClientRect().top < 0;
  }

  function showUnseen() {
    // The language's plural form (one, few, many, other), as Django's catalogue has them.
    const form = new Intl.PluralRules(document.documentElement.lang || "en").select(unseen);
    const fallback = unseen === 1 ? "%s new update ↑" : "%s new updates ↑";
    newButton.textContent = uiText(`new-${form}`, fallback, unseen);
    newButton.hidden = false;
  }

  function onItem(event) {
    const template = document.createElement("template");
    template.innerHTML = event.data.trim();
    const li = template.content.firstElementChild;
    if (!li) return;
    const existing = document.getElementById(li.id);
    if (existing) {
      // A correction or a pin change: in place, moved only if its order changed.
      existing.replaceWith(li);
      if (li.dataset.pinned !== existing.dataset.pinned) place(li, li.parentElement);
    } else {
      // An item older than everything shown belongs further down (another page): not here.
      const shown = root.querySelectorAll("[data-feed-list] li");
      const last = shown[shown.length - 1];
      if (last && !before(li, last) && (byDay || shown.length >= limit)) return;
      const list = listFor(li);
      if (!list) return;
      place(li, list);
      if (!li.querySelector(".feed-item__updated")) {
        const text = li.querySelector(".feed-item__text");
        announcer.textContent = `${uiText("newUpdate", "New update:")} ${text ? text.textContent.trim() : ""}`;
        if (listIsAboveView()) {
          unseen += 1;
          showUnseen();
        }
      }
    }
    tidy();
  }

  function onRemove(event) {
    const li = document.getElementById(event.data.trim());
    if (li && root.contains(li)) li.remove();
    tidy();
  }

  function connect() {
    if (source) return;
    const url = new URL(root.dataset.streamUrl, location.href);
    if (lastId) url.searchParams.set("after", lastId);
    source = new EventSource(url);
    const remember = (handler) => (event) => {
      if (event.lastEventId) lastId = event.lastEventId;
      handler(event);
    };
    source.addEventListener("item", remember(onItem));
    source.addEventListener("remove", remember(onRemove));
    // A stream the server never answers would leave the page waiting for good (a web process
    // may drop a request of a burst as it starts): one not open within ANSWER_MS is reopened.
    const opening = source;
    const watchdog = setTimeout(() => {
      if (source === opening && opening.readyState === EventSource.CONNECTING) {
        disconnect();
        connect();
      }
    }, ANSWER_MS);
    source.addEventListener("open", () => clearTimeout(watchdog), { once: true });
  }

  function disconnect() {
    if (source) source.close();
    source = null;
  }

  newButton.addEventListener("click", () => {
    unseen = 0;
    newButton.hidden = true;
    root.scrollIntoView({ behavior: "smooth", block: "start" });
  });
  window.addEventListener("scroll", () => {
    if (unseen && !listIsAboveView()) {
      unseen = 0;
      newButton.hidden = true;
    }
  }, { passive: true });
  // A hidden tab holds no connection; on return it asks for what it missed.
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) disconnect();
    else connect();
  });
  window.addEventListener("pagehide", disconnect);
  if (!document.hidden) connect();
})();

// The article's audio player: a play button, time, position, speed, "listen from here" on each
// paragraph and the paragraph being read highlighted. Without this file the native <audio>
// controls work on their own.
(function () {
  "use strict";

  var SPEEDS = [1, 1.25, 1.5, 2];
  var SPEED_KEY = "narration-speed";

  function clock(seconds) {
    seconds = Math.max(0, Math.floor(seconds || 0));
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    var mm = h ? String(m).padStart(2, "0") : String(m);
    return (h ? h + ":" : "") + mm + ":" + String(s).padStart(2, "0");
  }

  function spoken(seconds) {
    seconds = Math.floor(seconds || 0);
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    var parts = [];
    if (m) parts.push(m + (m === 1 ? " minute" : " minutes"));
    parts.push(s + (s === 1 ? " second" : " seconds"));
    return parts.join(" ");
  }

  function savedSpeed() {
    try {
      var value = parseFloat(window.localStorage.getItem(SPEED_KEY));
      return SPEEDS.indexOf(value) >= 0 ? value : 1;
    } catch (error) {
      return 1;
    }
  }

  function saveSpeed(value) {
    try {
      window.localStorage.setItem(SPEED_KEY, String(value));
    } catch (error) {
      // Private browsing: the speed just is not remembered.
    }
  }

  function listenButton() {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "listen-here";
    button.setAttribute("aria-label", uiText("listenHere", "Listen from here"));
    button.innerHTML =
      '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
      '<path d="M8 5.5v13l10.5-6.5z"/></svg>';
    return button;
  }

  function init(player) {
    var audio = player.querySelector("audio");
    var controls = player.querySelector(".player__controls");
    var play = player.querySelector("[data-play]");
    var playLabel = player.querySelector("[data-play-label]");
    var elapsed = player.querySelector("[data-elapsed]");
    var seek = player.querySelector("[data-seek]");
    var speed = player.querySelector("[data-speed]");
    var article = player.closest("article") || document.body;
    var duration = parseFloat(player.getAttribute("data-duration")) || 0;
    var starts = [];
    try {
      starts = JSON.parse(player.getAttribute("data-starts") || "[]");
    } catch (error) {
      starts = [];
    }

    audio.controls = false;
    controls.hidden = false;
    player.classList.add("player--enhanced");

    function setSpeed(value) {
      audio.playbackRate = value;
      audio.defaultPlaybackRate = value;
      speed.textContent = value + "x";
      speed.setAttribute("aria-label", uiText("speed", "Playback speed %s", value + "x"));
    }
    setSpeed(savedSpeed());

    function start() {
      article.classList.add("is-narrating");
      var playing = audio.play();
      if (playing && playing.catch) playing.catch(function () {});
    }

    play.addEventListener("click", function () {
      if (audio.paused) start();
      else audio.pause();
    });

    speed.addEventListener("click", function () {
      var next = SPEEDS[(SPEEDS.indexOf(audio.playbackRate) + 1) % SPEEDS.length] || 1;
      setSpeed(next);
      saveSpeed(next);
    });

    seek.addEventListener("input", function () {
      audio.currentTime = parseFloat(seek.value);
    });

    // Blocks that have audio get a "listen from here" button and can be highlighted.
    var blocks = [];
    starts.forEach(function (item) {
      var block = document.querySelector('[data-block-id="' + CSS.escape(item.id) + '"]');
      if (!block) return;
      blocks.push({ start: item.start, element: block });
      if (block.getAttribute("data-block-type") === "heading") return;
      var button = listenButton();
      button.addEventListener("click", function () {
        audio.currentTime = item.start;
        start();
      });
      var texts = block.querySelectorAll("p");
      (texts.length ? texts[texts.length - 1] : block).appendChild(button);
    });

    var current = null;
    function highlight(time) {
      var found = null;
      for (var i = 0; i < blocks.length; i++) {
        if (blocks[i].start <= time + 0.05) found = blocks[i].element;
        else break;
      }
      if (found === current) return;
      if (current) current.classList.remove("is-speaking");
      if (found) found.classList.add("is-speaking");
      current = found;
    }

    function update() {
      var total = isFinite(audio.duration) && audio.duration > 0 ? audio.duration : duration;
      var time = audio.currentTime;
      elapsed.hidden = time <= 0 && audio.paused;
      elapsed.textContent = clock(time) + " / ";
      seek.max = String(Math.ceil(total));
      seek.value = String(Math.floor(time));
      seek.setAttribute("aria-valuetext", spoken(time) + " of " + spoken(total));
      if (!audio.paused || time > 0) highlight(time);
    }

    audio.addEventListener("timeupdate", update);
    audio.addEventListener("loadedmetadata", update);
    audio.addEventListener("play", function () {
      player.classList.add("is-playing");
      playLabel.textContent = uiText("pause", "Pause");
    });
    audio.addEventListener("pause", function () {
      player.classList.remove("is-playing");
      playLabel.textContent =
        audio.currentTime > 0 && !audio.ended ? uiText("resume", "Resume") : uiText("listen", "Listen");
    });
    audio.addEventListener("ended", function () {
      highlight(-1);
      playLabel.textContent = uiText("listen", "Listen");
    });

    if ("mediaSession" in navigator && window.MediaMetadata) {
      audio.addEventListener("play", function () {
        var headline = document.getElementById("headline");
        navigator.mediaSession.metadata = new window.MediaMetadata({
          title: headline ? headline.textContent.trim() : document.title,
          artist: uiText("artist", "Read by an AI voice"),
        });
      });
    }
    update();
  }

  function ready() {
    document.querySelectorAll("[data-player]").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();

// Newsletter sign-up forms submit in place and show the answer inside the form.
// Without this part they post to /newsletters/subscribe/ and the server answers with a page.
(() => {
  "use strict";

  const FAILED = uiText("failed", "Something went wrong. Please try again in a moment.");

  function showError(form, name, message) {
    const error = form.querySelector(`[data-error-for="${name}"]`);
    if (!error) return null;
    error.textContent = message;
    error.hidden = !message;
    const target = name === "email" ? form.elements.email : error.closest("fieldset");
    if (target) {
      if (message) {
        target.setAttribute("aria-describedby", error.id);
        if (name === "email") target.setAttribute("aria-invalid", "true");
      } else {
        target.removeAttribute("aria-describedby");
        target.removeAttribute("aria-invalid");
      }
    }
    return message ? target : null;
  }

  function showAnswer(form, answer) {
    const status = form.querySelector(".nl-form__status");
    const height = form.getBoundingClientRect().height;
    const invalid = ["email", "newsletter"]
      .map((name) => showError(form, name, (answer.errors[name] || []).join(" ")))
      .filter(Boolean);
    if (answer.ok) {
      // The thanks takes the form's place at the form's height, so nothing below it moves.
      form.style.minHeight = `${height}px`;
      form.classList.add("nl-form--done");
      status.textContent = answer.message;
      status.focus();
    } else if (invalid.length) {
      status.textContent = "";
      (invalid[0].matches("input") ? invalid[0] : invalid[0].querySelector("input")).focus();
    } else {
      status.textContent = answer.message || FAILED;
    }
  }

  async function submit(event) {
    const form = event.currentTarget;
    event.preventDefault();
    if (form.getAttribute("aria-busy") === "true") return;
    const button = form.querySelector("button[type=submit]");
    form.setAttribute("aria-busy", "true");
    button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      const type = response.headers.get("Content-Type") || "";
      showAnswer(
        form,
        type.includes("application/json")
          ? await response.json()
          : { ok: false, message: FAILED, errors: {} },
      );
    } catch {
      showAnswer(form, { ok: false, message: FAILED, errors: {} });
    } finally {
      form.removeAttribute("aria-busy");
      button.disabled = false;
    }
  }

  for (const form of document.querySelectorAll("form[data-newsletter-form]")) {
    // The server's messages, not the browser's, so every reader sees the same ones.
    form.noValidate = true;
    form.addEventListener("submit", submit);
  }
})();

// Members: pages are the same for every reader (shared from the cache); a member's browser hides
// the support prompts (the nd_member cookie is not secret) and fetches members-only story bodies
// from a request that is never cached. The cookie outlives a membership that ends (cancelled, a
// renewal that failed): once a day the server is asked whether the reader is still a member, and
// its answer renews or removes the cookie.
(() => {
  "use strict";
  const CHECKED = "nd-member-checked";
  const DAY = 24 * 60 * 60 * 1000;
  const show = (member) => {
    document.documentElement.classList.toggle("nd-member", member);
    for (const note of document.querySelectorAll("[data-members-only]")) note.hidden = !member;
  };
  const member = document.cookie.split("; ").includes("nd_member=1");
  show(member);
  if (!member) return;
  let checked = 0;
  try {
    checked = Number(localStorage.getItem(CHECKED)) || 0;
  } catch {
    // Storage refused (private browsing): ask on every page.
  }
  if (!(Date.now() - checked < DAY)) {
    fetch("/account/status.json", { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((answer) => {
        try {
          localStorage.setItem(CHECKED, String(Date.now()));
        } catch {
          // As above.
        }
        if (!answer.member) show(false);
      })
      .catch(() => {});
  }
  for (const holder of document.querySelectorAll("[data-members-body]")) {
    fetch(holder.dataset.membersBody, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => {
        holder.innerHTML = html;
        holder.removeAttribute("aria-busy");
      })
      .catch(() => holder.removeAttribute("aria-busy"));
  }
})();
