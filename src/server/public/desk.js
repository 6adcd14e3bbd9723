// rasd live desk: the river and story pages follow the store through Server-Sent Events (/api/events), without a
// reload. Served as a file (the CSP allows no inline script). Without it, the pages are the same, only static.
/* global document, window, EventSource, DOMParser, fetch */
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const path = window.location.pathname;
  const storyMatch = /^\/stories\/([^/]+)$/.exec(path);
  const onRiver = path === "/";
  if ((!onRiver && storyMatch === null) || typeof EventSource === "undefined") return;
  const storyId = storyMatch === null ? null : decodeURIComponent(storyMatch[1]);
  const main = document.querySelector("main");
  if (main === null) return;
  const ar = document.documentElement.lang !== "en";
  const banner = document.createElement("p");
  banner.id = "live-banner";
  banner.className = "notice live";
  banner.setAttribute("role", "status");
  banner.hidden = true;
  let total = 0;
  let refreshing = false;
  let again = false;

  const showBanner = () => {
    banner.textContent = ar ? `${total} مقالات جديدة منذ فتح الصفحة` : `${total} new articles since this page opened`;
    banner.dataset.count = String(total);
    banner.hidden = false;
    if (banner.parentNode !== main) main.prepend(banner);
  };

  // The page as the server renders it now, put in place of the old one: one rendering, the server's.
  const refresh = async () => {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    try {
      const res = await fetch(window.location.href, { headers: { accept: "text/html" } });
      if (!res.ok) return;
      const doc = new DOMParser().parseFromString(await res.text(), "text/html");
      const fresh = doc.querySelector("main");
      if (fresh === null) return;
      main.replaceChildren(...Array.from(fresh.childNodes, (n) => document.importNode(n, true)));
      if (total > 0) showBanner();
    } finally {
      refreshing = false;
      if (again) {
        again = false;
        void refresh();
      }
    }
  };

  const source = new EventSource("/api/events");
  source.addEventListener("river", (ev) => {
    const change = JSON.parse(ev.data);
    total = change.total;
    if (onRiver) {
      showBanner();
      void refresh();
    } else if (change.stories.some((s) => s.id === storyId)) {
      void refresh();
    }
  });
  window.addEventListener("pagehide", () => source.close());
});
