// The draft page. While the job runs: live progress from the `transcription` Socket.IO event
// (on the user's own room), with polling of the API as a fallback. When it is done: a keyboard
// editor over the segment rows that saves the whole list with PATCH. Without this script the
// page reloads by hand and the rows post as a plain form.
(function () {
  "use strict";
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute("content") : "";

  Array.prototype.forEach.call(document.querySelectorAll("[data-js-only]"), function (el) {
    el.hidden = false;
  });

  function clipTime(seconds) {
    var tenths = Math.round((seconds || 0) * 10);
    var hours = Math.floor(tenths / 36000);
    tenths -= hours * 36000;
    var minutes = Math.floor(tenths / 600);
    tenths -= minutes * 600;
    var text = pad(minutes) + ":" + pad(Math.floor(tenths / 10)) + "." + (tenths % 10);
    return hours ? hours + ":" + text : text;
  }

  function clipLength(seconds) {
    var whole = Math.round(seconds || 0);
    return Math.floor(whole / 60) + ":" + pad(whole % 60);
  }

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  // ---- Following the job ------------------------------------------------------------------
  var job = document.querySelector("[data-job]");
  if (job && ["queued", "running"].indexOf(job.getAttribute("data-status")) >= 0) {
    followJob(job);
  }

  function followJob(root) {
    var id = parseInt(root.getAttribute("data-id"), 10);
    var url = root.getAttribute("data-status-url");
    var bar = document.getElementById("job-bar");
    var state = root.querySelector("[data-job-state]");
    var badge = document.getElementById("job-badge");
    var hint = root.querySelector("[data-reload-hint]");
    var finished = false;
    if (hint) hint.textContent = "This page follows the job as it runs. You can leave and come back: the job keeps running.";

    function show(data) {
      if (finished || !data || data.id !== id) return;
      if (badge) {
        badge.textContent = data.status;
        badge.className = "badge status-" + data.status;
      }
      if (data.status === "done" || data.status === "failed") {
        finished = true;
        if (bar) bar.value = data.status === "done" ? 100 : bar.value;
        state.textContent = data.status === "done" ? "Done. Opening the draft…" : "The transcription failed.";
        window.location.reload();
        return;
      }
      var percent = Math.round((data.progress || 0) * 100);
      if (data.status === "queued") {
        bar.removeAttribute("value"); // indeterminate while waiting
        state.textContent = "Waiting in the queue" +
          (data.position ? ": position " + data.position + (data.position === 1 ? " (next)" : "") : "") + ".";
      } else {
        bar.value = percent;
        state.textContent = "Running: " + percent + "% done.";
      }
    }

    function poll() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(show)
        .catch(function () { /* offline for a moment: the next poll or event catches up */ });
    }

    if (window.io) {
      var socket = window.io({ transports: ["websocket", "polling"] });
      socket.on("transcription", show);
      socket.on("connect", poll); // catch up on whatever happened while disconnected
    }
    poll();
    setInterval(function () { if (!finished) poll(); }, 4000);
  }

  // ---- The editor ------------------------------------------------------------------------
  var form = document.getElementById("draft-form");
  if (!form) return;
  var list = document.getElementById("segments");
  var statusEl = document.getElementById("save-status");
  var talkEl = document.getElementById("talk-time");
  var apiUrl = form.getAttribute("data-api-url");
  var current = 0;
  var dirty = false;
  var saving = null;

  function rows() {
    return Array.prototype.slice.call(list.querySelectorAll("[data-segment]"));
  }

  function setStatus(text, state) {
    statusEl.textContent = text;
    statusEl.setAttribute("data-state", state || "");
  }

  function markDirty() {
    dirty = true;
    setStatus("Unsaved changes", "dirty");
    renderTalk(talkTime(collect()));
  }

  function focusRow(index, intoText) {
    var all = rows();
    if (!all.length) return;
    current = Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (row, i) { row.classList.toggle("current", i === current); });
    var row = all[current];
    if (intoText) {
      row.querySelector("[data-text]").focus();
    } else {
      row.focus({ preventScroll: true });
    }
    row.scrollIntoView({ block: "nearest" });
  }

  function indexOf(el) {
    var row = el && el.closest ? el.closest("[data-segment]") : null;
    return row ? rows().indexOf(row) : -1;
  }

  list.addEventListener("focusin", function (event) {
    var i = indexOf(event.target);
    if (i >= 0 && i !== current) {
      current = i;
      rows().forEach(function (row, n) { row.classList.toggle("current", n === i); });
    }
  });
  list.addEventListener("input", markDirty);
  list.addEventListener("change", markDirty);

  function setSpeaker(index, value) {
    var row = rows()[index];
    if (!row) return;
    var select = row.querySelector("[data-speaker]");
    if (!select.querySelector('option[value="' + value + '"]')) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    }
    select.value = value;
    row.classList.remove("has-error");
    markDirty();
  }

  function numberRows() {
    rows().forEach(function (row, i) {
      row.querySelector("[data-start]").name = "seg-" + i + "-start";
      row.querySelector("[data-end]").name = "seg-" + i + "-end";
      var select = row.querySelector("[data-speaker]");
      var text = row.querySelector("[data-text]");
      select.name = select.id = "seg-" + i + "-speaker";
      text.name = text.id = "seg-" + i + "-text";
      var labels = row.querySelectorAll("label");
      labels[0].htmlFor = select.id;
      labels[0].textContent = "Speaker of segment " + (i + 1);
      labels[1].htmlFor = text.id;
      labels[1].textContent = "Text of segment " + (i + 1);
      row.querySelector("[data-time]").textContent =
        clipTime(parseFloat(row.querySelector("[data-start]").value)) + "–" +
        clipTime(parseFloat(row.querySelector("[data-end]").value));
    });
    var count = document.querySelector("#editor-heading .count");
    if (count) count.textContent = rows().length;
  }

  function merge(index) {
    var all = rows();
    var a = all[index];
    var b = all[index + 1];
    if (!a || !b) {
      setStatus("There is no next segment to merge with.", "info");
      return;
    }
    var textA = a.querySelector("[data-text]");
    var textB = b.querySelector("[data-text]");
    textA.value = (textA.value.trim() + " " + textB.value.trim()).trim();
    a.querySelector("[data-end]").value = b.querySelector("[data-end]").value;
    var speakerA = a.querySelector("[data-speaker]");
    if (!speakerA.value) speakerA.value = b.querySelector("[data-speaker]").value;
    b.remove();
    numberRows();
    markDirty();
    focusRow(index);
  }

  function split(index) {
    var row = rows()[index];
    if (!row) return;
    var text = row.querySelector("[data-text]");
    var value = text.value;
    var caret = text.selectionStart || 0;
    var before = value.slice(0, caret).trim();
    var after = value.slice(caret).trim();
    if (!before || !after) {
      setStatus("Put the caret in the text where the new segment should begin.", "info");
      focusRow(index, true);
      return;
    }
    var start = parseFloat(row.querySelector("[data-start]").value);
    var end = parseFloat(row.querySelector("[data-end]").value);
    // No audio to listen to: place the cut in proportion to the text on each side.
    var at = Math.round((start + (end - start) * (caret / value.length)) * 1000) / 1000;
    if (!(at > start && at < end)) {
      setStatus("This segment is too short to split.", "info");
      return;
    }
    var copy = row.cloneNode(true);
    copy.classList.remove("current", "has-error");
    Array.prototype.forEach.call(copy.querySelectorAll(".seg-error"), function (el) { el.remove(); });
    copy.querySelector("[data-speaker]").value = row.querySelector("[data-speaker]").value;
    text.value = before;
    row.querySelector("[data-end]").value = at;
    copy.querySelector("[data-text]").value = after;
    copy.querySelector("[data-start]").value = at;
    row.after(copy);
    numberRows();
    markDirty();
    focusRow(index + 1);
  }

  function collect() {
    return rows().map(function (row) {
      return {
        start: parseFloat(row.querySelector("[data-start]").value),
        end: parseFloat(row.querySelector("[data-end]").value),
        text: row.querySelector("[data-text]").value,
        speaker: row.querySelector("[data-speaker]").value || null
      };
    });
  }

  function talkTime(segments) {
    var totals = {};
    segments.forEach(function (s) {
      var who = s.speaker || "Speaker A";
      totals[who] = (totals[who] || 0) + Math.max(0, s.end - s.start);
    });
    return totals;
  }

  function renderTalk(totals) {
    if (!talkEl) return;
    var names = Object.keys(totals).sort(function (a, b) { return totals[b] - totals[a]; });
    var whole = names.reduce(function (sum, n) { return sum + totals[n]; }, 0) || 1;
    talkEl.replaceChildren.apply(talkEl, names.map(function (name) {
      var share = Math.round((100 * totals[name]) / whole);
      var li = document.createElement("li");
      var who = document.createElement("span");
      who.className = "talk-speaker";
      who.textContent = name;
      var meter = document.createElement("meter");
      meter.min = 0; meter.max = 100; meter.value = share;
      meter.setAttribute("aria-label", name + " share of talk time");
      meter.textContent = share + "%";
      var detail = document.createElement("span");
      detail.className = "small muted";
      detail.textContent = clipLength(totals[name]) + " · " + share + "%";
      li.append(who, meter, detail);
      return li;
    }));
  }

  function showErrors(problem) {
    Array.prototype.forEach.call(list.querySelectorAll(".seg-error"), function (el) { el.remove(); });
    rows().forEach(function (row) { row.classList.remove("has-error"); });
    var errors = (problem && problem.errors) || {};
    var first = -1;
    Object.keys(errors).forEach(function (key) {
      var match = /^segments\.(\d+)\./.exec(key);
      if (!match) return;
      var i = parseInt(match[1], 10);
      var row = rows()[i];
      if (!row) return;
      row.classList.add("has-error");
      var p = document.createElement("p");
      p.className = "error seg-error";
      p.setAttribute("role", "alert");
      p.textContent = errors[key];
      row.appendChild(p);
      if (first < 0 || i < first) first = i;
    });
    if (first >= 0) focusRow(first);
  }

  function save() {
    if (saving) return saving;
    setStatus("Saving…", "saving");
    saving = fetch(apiUrl, {
      method: "PATCH",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ segments: collect() })
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (response.ok) {
          dirty = false;
          showErrors(null);
          renderTalk(data.talk_time || {});
          var now = new Date();
          setStatus("Saved at " + pad(now.getHours()) + ":" + pad(now.getMinutes()), "saved");
          return true;
        }
        showErrors(data);
        setStatus((data && (data.detail || data.title)) || "Not saved (" + response.status + ").", "error");
        return false;
      });
    }).catch(function () {
      setStatus("Not saved: the connection broke. Try again.", "error");
      return false;
    }).then(function (ok) {
      saving = null;
      return ok;
    });
    return saving;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    save();
  });

  // Sharing reads the saved draft: save first when there are changes.
  document.addEventListener("click", function (event) {
    var link = event.target.closest('a[href$="/share"]');
    if (!link || !dirty) return;
    event.preventDefault();
    save().then(function (ok) { if (ok) window.location.assign(link.href); });
  });

  window.addEventListener("beforeunload", function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  document.querySelectorAll("[data-action]").forEach(function (button) {
    // Keep the caret of the text field: buttons must not take the focus on mousedown.
    button.addEventListener("mousedown", function (event) { event.preventDefault(); });
    button.addEventListener("click", function () {
      if (button.getAttribute("data-action") === "merge") merge(current);
      else split(current);
    });
  });

  var SPEAKER_KEYS = { t: "T", c: "C", o: "Other" };

  document.addEventListener("keydown", function (event) {
    var key = event.key;
    if ((event.ctrlKey || event.metaKey) && !event.altKey && key.toLowerCase() === "s") {
      event.preventDefault();
      save();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var tag = (target.tagName || "").toLowerCase();
    var inRow = indexOf(target) >= 0;
    if (tag === "textarea") {
      if (key === "Escape" && inRow) {
        event.preventDefault();
        focusRow(indexOf(target));
      }
      return;
    }
    if (tag === "input" || (tag === "select" && !inRow) || target.isContentEditable) return;
    if (!inRow && tag !== "body") return; // buttons and links elsewhere keep their keys
    var lower = key.length === 1 ? key.toLowerCase() : key;
    if (lower === "j" || (key === "ArrowDown" && tag !== "select")) {
      focusRow(current + 1);
    } else if (lower === "k" || (key === "ArrowUp" && tag !== "select")) {
      focusRow(current - 1);
    } else if (SPEAKER_KEYS[lower]) {
      setSpeaker(current, SPEAKER_KEYS[lower]);
      focusRow(current);
    } else if (lower === "m") {
      merge(current);
    } else if (lower === "s") {
      split(current);
    } else if (key === "Enter" && tag !== "select") {
      focusRow(current, true);
    } else {
      return;
    }
    event.preventDefault();
  });

  if (rows().length) {
    rows()[0].classList.add("current");
  }
})();
