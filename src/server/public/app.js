// rasd web UI. Served as a file (the CSP allows no inline script). Progressive: every page works without it.
/* global document */
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // A citation shows the source it points at, without leaving the summary.
  for (const a of document.querySelectorAll("a.cite")) {
    a.addEventListener("mouseenter", () => {
      const target = document.getElementById("src-" + a.dataset.src);
      if (target !== null) a.title = target.textContent.replace(/\s+/g, " ").trim();
    });
  }
  // Dates: an empty date input must not send "since=" (the server would refuse an empty date).
  const form = document.querySelector("form.search-form");
  if (form !== null) {
    form.addEventListener("submit", () => {
      for (const el of form.querySelectorAll("input, select")) if (el.value === "") el.disabled = true;
    });
  }
});
