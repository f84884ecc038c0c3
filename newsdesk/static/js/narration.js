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
    button.setAttribute("aria-label", "Listen from here");
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
      speed.setAttribute("aria-label", "Playback speed " + value + "x");
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
      playLabel.textContent = "Pause";
    });
    audio.addEventListener("pause", function () {
      player.classList.remove("is-playing");
      playLabel.textContent = audio.currentTime > 0 && !audio.ended ? "Resume" : "Listen";
    });
    audio.addEventListener("ended", function () {
      highlight(-1);
      playLabel.textContent = "Listen";
    });

    if ("mediaSession" in navigator && window.MediaMetadata) {
      audio.addEventListener("play", function () {
        var headline = document.getElementById("headline");
        navigator.mediaSession.metadata = new window.MediaMetadata({
          title: headline ? headline.textContent.trim() : document.title,
          artist: "Read by an AI voice",
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
