// Keeps the editor's Narration panel current while the audio is queued or being generated.
(function () {
  "use strict";
  var INTERVAL = 3000;

  function playing(panel) {
    var audio = panel.querySelector("audio");
    return audio && !audio.paused;
  }

  function poll(panel) {
    var url = panel.getAttribute("data-status-url");
    window.setTimeout(function () {
      if (playing(panel)) {
        poll(panel);
        return;
      }
      fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then(function (html) {
          var holder = document.createElement("div");
          holder.innerHTML = html;
          var fresh = holder.querySelector("[data-narration-panel]");
          if (!fresh) return;
          panel.replaceWith(fresh);
          if (fresh.hasAttribute("data-busy")) poll(fresh);
        })
        .catch(function () {
          poll(panel);
        });
    }, INTERVAL);
  }

  function start() {
    document.querySelectorAll("[data-narration-panel][data-busy]").forEach(poll);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
