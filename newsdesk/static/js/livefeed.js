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
    newButton.textContent = unseen === 1 ? "1 new update ↑" : `${unseen} new updates ↑`;
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
        announcer.textContent = `New update: ${text ? text.textContent.trim() : ""}`;
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
