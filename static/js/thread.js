// The excerpt's live discussion over Socket.IO. Without this script (or without the Socket.IO
// client) the thread still works as a plain form that reloads the page.
//
// The protocol: the page knows the last `seq` it rendered. On every (re)connect it sends
// `join` with that `seq` and renders what it missed; messages it sent without an ack are sent
// again with the same `client_id` (the server stores each once); a gap in `seq` makes it ask
// for the missing messages at once.
(function () {
  "use strict";
  var root = document.querySelector("[data-thread]");
  if (!root) return;

  var excerptId = parseInt(root.getAttribute("data-excerpt-id"), 10);
  var myId = parseInt(root.getAttribute("data-user-id"), 10);
  var isOwner = root.getAttribute("data-owner") === "1";
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var list = root.querySelector("[data-messages]");
  var statusEl = root.querySelector("[data-status]");
  var presenceEl = root.querySelector("[data-presence]");
  var typingEl = root.querySelector("[data-typing]");
  var emptyEl = root.querySelector("[data-empty]");
  var countEl = root.querySelector("[data-count]");
  var form = root.querySelector("[data-message-form]");
  var bodyEl = root.querySelector("[data-body]");
  var momentEl = root.querySelector("[data-moment]");
  var errorEl = root.querySelector("[data-form-error]");
  var lastSeq = parseInt(root.getAttribute("data-last-seq"), 10) || 0;
  var storeKey = "parallel:pending:" + excerptId;
  var pending = loadPending();
  var socket = null;
  var joined = false;
  var typingTimers = {};
  var lastTypingSent = 0;
  var readTimer = null;

  function setStatus(text, state) {
    statusEl.textContent = text;
    statusEl.setAttribute("data-state", state);
  }

  function loadPending() {
    try {
      return JSON.parse(sessionStorage.getItem(storeKey) || "{}");
    } catch (e) {
      return {};
    }
  }

  function savePending() {
    try {
      sessionStorage.setItem(storeKey, JSON.stringify(pending));
    } catch (e) { /* private mode: pending stays in memory */ }
  }

  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function momentLabel(momentId) {
    var option = momentEl && momentEl.querySelector('option[value="' + momentId + '"]');
    return option ? "About " + option.textContent : "About a moment";
  }

  function render(message) {
    var existing = document.getElementById("message-" + message.id);
    var item = existing || document.createElement("li");
    item.id = "message-" + message.id;
    item.className = "message" + (message.author.id === myId ? " mine" : "") +
      (message.deleted ? " deleted" : "");
    item.setAttribute("data-seq", message.seq);
    item.setAttribute("data-id", message.id);
    item.setAttribute("data-author-id", message.author.id || "");
    item.replaceChildren();

    var head = document.createElement("div");
    head.className = "message-head";
    var author = document.createElement("strong");
    author.className = "message-author";
    author.textContent = message.author.name;
    var time = document.createElement("time");
    time.className = "muted small";
    time.setAttribute("datetime", message.created_at);
    time.textContent = message.created_at.slice(0, 16).replace("T", " ");
    head.appendChild(author);
    head.appendChild(time);
    if (message.edited_at && !message.deleted) {
      var edited = document.createElement("button");
      edited.type = "button";
      edited.className = "link-button muted small";
      edited.setAttribute("data-history", "");
      edited.textContent = "edited";
      head.appendChild(edited);
    }
    item.appendChild(head);
    if (message.moment_id && !message.deleted) {
      var link = document.createElement("a");
      link.className = "message-moment small";
      link.href = "#moment-" + message.moment_id;
      link.textContent = momentLabel(message.moment_id);
      item.appendChild(link);
    }
    var body = document.createElement("div");
    body.className = "message-body";
    if (message.deleted) {
      var gone = document.createElement("em");
      gone.className = "muted";
      gone.textContent = "Message deleted.";
      body.appendChild(gone);
    } else {
      // body_html comes from the server's one sanitizer (markdown + nh3 allow-list).
      body.innerHTML = message.body_html;
    }
    item.appendChild(body);
    addActions(item, message);

    if (!existing) {
      var after = null;
      Array.prototype.forEach.call(list.children, function (li) {
        if (parseInt(li.getAttribute("data-seq"), 10) < message.seq) after = li;
      });
      if (after) after.after(item); else list.prepend(item);
    }
    emptyEl.hidden = true;
    countEl.textContent = list.children.length;
  }

  function addActions(item, message) {
    if (message.deleted) return;
    var mine = message.author.id === myId;
    if (!mine && !isOwner) return;
    var actions = document.createElement("div");
    actions.className = "message-actions";
    if (mine) {
      var edit = document.createElement("button");
      edit.type = "button";
      edit.className = "link-button small";
      edit.setAttribute("data-edit", "");
      edit.textContent = "Edit";
      actions.appendChild(edit);
    }
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "link-button small danger-text";
    remove.setAttribute("data-delete", "");
    remove.textContent = mine ? "Delete" : "Remove";
    actions.appendChild(remove);
    item.appendChild(actions);
  }

  function receive(message) {
    if (message.excerpt_id !== excerptId) return;
    if (message.seq > lastSeq + 1) {
      render(message);
      catchUp(); // a gap: fetch what is missing at once
      return;
    }
    render(message);
    if (message.seq > lastSeq) lastSeq = message.seq;
    scheduleRead();
  }

  function catchUp() {
    if (!socket || !socket.connected) return;
    socket.timeout(10000).emit("join", { excerpt_id: excerptId, after: lastSeq }, function (err, ack) {
      if (err || !ack || !ack.ok) return;
      applyJoin(ack);
    });
  }

  function applyJoin(ack) {
    ack.messages.forEach(function (message) {
      render(message);
      if (message.seq > lastSeq) lastSeq = message.seq;
    });
    // Everything up to the server's last seq is rendered now.
    lastSeq = Math.max(lastSeq, contiguousSeq());
    scheduleRead();
  }

  function contiguousSeq() {
    var seqs = Array.prototype.map.call(list.children, function (li) {
      return parseInt(li.getAttribute("data-seq"), 10);
    }).sort(function (a, b) { return a - b; });
    var n = 0;
    seqs.forEach(function (s) { if (s === n + 1) n = s; });
    return n;
  }

  function scheduleRead() {
    clearTimeout(readTimer);
    readTimer = setTimeout(function () {
      fetch(root.getAttribute("data-read-url"), {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
        body: JSON.stringify({ seq: lastSeq })
      }).catch(function () { /* read marks are best effort */ });
    }, 800);
  }

  function send(clientId) {
    var item = pending[clientId];
    if (!item || !socket || !socket.connected || !joined) return;
    socket.timeout(10000).emit("message", item, function (err, ack) {
      if (err) return; // no answer: resent after the next (re)join
      if (ack.ok) {
        delete pending[clientId];
        savePending();
        errorEl.hidden = true;
      } else if (ack.findings) {
        delete pending[clientId];
        savePending();
        askAboutFindings(item, ack.findings);
      } else if (ack.status !== 500) {
        delete pending[clientId];
        savePending();
        showError(ack.error);
        if (!bodyEl.value) bodyEl.value = item.body;
      }
    });
  }

  function showError(text) {
    errorEl.textContent = text;
    errorEl.hidden = false;
  }

  function askAboutFindings(item, findings) {
    var words = findings.map(function (f) { return "“" + f.text + "”"; }).join(", ");
    bodyEl.value = item.body;
    var ok = window.confirm(
      "This message may identify someone: " + words + ".\n\n" +
      "OK: send it as written (these do not identify anyone).\nCancel: edit it first.");
    if (!ok) {
      showError("Not sent: it may identify someone (" + words + "). Edit it and send again.");
      bodyEl.focus();
      return;
    }
    var clientId = newClientId();
    pending[clientId] = Object.assign({}, item, {
      client_id: clientId,
      attest: true,
      resolutions: findings.map(function (f) {
        return { start: f.start, end: f.end, action: "keep" };
      })
    });
    savePending();
    bodyEl.value = "";
    send(clientId);
  }

  function connect() {
    if (typeof window.io !== "function") {
      setStatus("Live updates are not available; reload the page to see new messages.", "offline");
      return;
    }
    socket = window.io({ transports: ["websocket", "polling"] });
    socket.on("connect", function () {
      setStatus("Joining…", "connecting");
      socket.timeout(10000).emit("join", { excerpt_id: excerptId, after: lastSeq }, function (err, ack) {
        if (err || !ack || !ack.ok) {
          setStatus(ack && ack.error ? ack.error : "Could not join the discussion; retrying…", "offline");
          return;
        }
        joined = true;
        setStatus("Live", "live");
        applyJoin(ack);
        Object.keys(pending).forEach(send);
      });
    });
    socket.on("disconnect", function () {
      joined = false;
      setStatus("Reconnecting… your messages will be sent when the connection is back.", "reconnecting");
    });
    socket.io.on("reconnect_attempt", function () {
      setStatus("Reconnecting…", "reconnecting");
    });
    socket.on("message", receive);
    socket.on("message_edited", function (m) { if (m.excerpt_id === excerptId) render(m); });
    socket.on("message_deleted", function (m) { if (m.excerpt_id === excerptId) render(m); });
    socket.on("presence", function (data) {
      if (data.excerpt_id !== excerptId) return;
      var others = data.users.filter(function (u) { return u.id !== myId; });
      presenceEl.textContent = others.length ?
        "Also here: " + others.map(function (u) { return u.name; }).join(", ") : "";
    });
    socket.on("typing", function (data) {
      if (data.excerpt_id !== excerptId) return;
      var name = data.user.name;
      clearTimeout(typingTimers[name]);
      typingTimers[name] = setTimeout(function () {
        delete typingTimers[name];
        showTyping();
      }, 3000);
      showTyping();
    });
  }

  function showTyping() {
    var names = Object.keys(typingTimers);
    typingEl.textContent = names.length ? names.join(", ") + (names.length === 1 ? " is" : " are") + " typing…" : "";
  }

  form.addEventListener("submit", function (event) {
    if (!socket || !joined) {
      if (socket) {
        // Offline with the page open: keep the message and send it on reconnect.
        event.preventDefault();
        queue();
      }
      return; // no live connection at all: the plain form posts it
    }
    event.preventDefault();
    queue();
  });

  function queue() {
    var text = bodyEl.value.trim();
    if (!text) return;
    var clientId = newClientId();
    var item = { excerpt_id: excerptId, body: text, client_id: clientId };
    if (momentEl && momentEl.value) item.moment_id = parseInt(momentEl.value, 10);
    pending[clientId] = item;
    savePending();
    bodyEl.value = "";
    send(clientId);
  }

  bodyEl.addEventListener("input", function () {
    var now = Date.now();
    if (socket && joined && now - lastTypingSent > 2000) {
      lastTypingSent = now;
      socket.emit("typing", { excerpt_id: excerptId });
    }
  });

  bodyEl.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  function apiUrl(attribute, id) {
    return root.getAttribute(attribute).replace(/0(\/edits)?$/, id + "$1");
  }

  list.addEventListener("click", function (event) {
    var item = event.target.closest(".message");
    if (!item) return;
    var id = item.getAttribute("data-id");
    if (event.target.closest("[data-delete]")) {
      if (!window.confirm("Delete this message?")) return;
      fetch(apiUrl("data-edit-url", id), {
        method: "DELETE", credentials: "same-origin", headers: { "X-CSRFToken": csrf }
      });
    } else if (event.target.closest("[data-edit]")) {
      var current = item.querySelector(".message-body").textContent.trim();
      var text = window.prompt("Edit your message", current);
      if (text === null || !text.trim()) return;
      fetch(apiUrl("data-edit-url", id), {
        method: "PATCH", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
        body: JSON.stringify({ body: text })
      }).then(function (response) {
        if (!response.ok) {
          return response.json().then(function (problem) { showError(problem.detail); });
        }
      });
    } else if (event.target.closest("[data-history]")) {
      fetch(apiUrl("data-edits-url", id), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          var old = item.querySelector(".edit-history");
          if (old) { old.remove(); return; }
          var box = document.createElement("div");
          box.className = "edit-history small";
          var title = document.createElement("p");
          title.className = "muted";
          title.textContent = "Earlier versions:";
          box.appendChild(title);
          data.items.forEach(function (edit) {
            var version = document.createElement("div");
            version.className = "edit-version";
            version.innerHTML = edit.body_html; // sanitized on the server
            box.appendChild(version);
          });
          item.appendChild(box);
        });
    }
  });

  // Messages rendered by the server get the same actions as live ones.
  Array.prototype.forEach.call(list.children, function (item) {
    var authorId = parseInt(item.getAttribute("data-author-id"), 10);
    addActions(item, { author: { id: authorId }, deleted: item.classList.contains("deleted") });
  });

  connect();
})();
