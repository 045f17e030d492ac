// The review screen: decide on each finding by click or key, redact selected text, and see
// what will be stored. Without this script the page still works through its form.
(function () {
  "use strict";
  var form = document.getElementById("review-form");
  if (!form) return;
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var rows = Array.prototype.slice.call(form.querySelectorAll(".finding-row"));
  var current = -1;

  Array.prototype.forEach.call(document.querySelectorAll("[data-js-only]"), function (el) {
    el.hidden = false;
  });

  function decisionOf(row) {
    var checked = row.querySelector("input[type=radio]:checked");
    return checked ? checked.value : "";
  }

  function paint(row) {
    var index = row.getAttribute("data-finding");
    var state = decisionOf(row);
    row.classList.remove("redact", "keep");
    if (state) row.classList.add(state);
    var mark = document.getElementById("finding-" + index);
    if (mark) {
      mark.classList.remove("redact", "keep");
      if (state) mark.classList.add(state);
    }
  }

  function focusRow(index) {
    if (!rows.length) return;
    current = (index + rows.length) % rows.length;
    rows.forEach(function (row, i) { row.classList.toggle("current", i === current); });
    var row = rows[current];
    var mark = document.getElementById("finding-" + row.getAttribute("data-finding"));
    (mark || row).scrollIntoView({ block: "center", behavior: "smooth" });
    row.querySelectorAll(".finding-text")[0].setAttribute("aria-current", "true");
  }

  function decide(row, value) {
    var radio = row.querySelector('input[value="' + value + '"]');
    if (radio) {
      radio.checked = true;
      paint(row);
      schedulePreview();
    }
  }

  rows.forEach(function (row) {
    paint(row);
    row.addEventListener("change", function () { paint(row); schedulePreview(); });
    row.addEventListener("click", function () { focusRow(rows.indexOf(row)); });
  });

  document.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-finding]");
    if (!mark) return;
    var row = form.querySelector('.finding-row[data-finding="' + mark.getAttribute("data-finding") + '"]');
    if (row) {
      focusRow(rows.indexOf(row));
      decide(row, decisionOf(row) === "redact" ? "keep" : "redact");
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "textarea" || tag === "select" || (tag === "input" && event.target.type === "text")) return;
    var key = event.key.toLowerCase();
    if (key === "j" || key === "n") { focusRow(current + 1); event.preventDefault(); }
    else if (key === "p") { focusRow(current - 1); event.preventDefault(); }
    else if ((key === "r" || key === "k") && current >= 0) {
      decide(rows[current], key === "r" ? "redact" : "keep");
      focusRow(current + 1);
      event.preventDefault();
    }
  });

  var redactAll = document.getElementById("redact-all");
  if (redactAll) {
    redactAll.addEventListener("click", function () {
      rows.forEach(function (row) { if (!decisionOf(row)) decide(row, "redact"); });
    });
  }

  // Offsets of a selection, counted in the field's own text (hidden helper text skipped).
  function offsetIn(container, node, offset) {
    var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return n.parentElement.closest(".visually-hidden") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var total = 0;
    var text;
    while ((text = walker.nextNode())) {
      if (text === node) return total + offset;
      total += text.nodeValue.length;
    }
    return null;
  }

  var selectionButton = document.getElementById("redact-selection");
  var pending = null;
  document.addEventListener("selectionchange", function () {
    pending = null;
    var selection = window.getSelection();
    if (selection && selection.rangeCount && !selection.isCollapsed) {
      var range = selection.getRangeAt(0);
      var start = range.startContainer.parentElement && range.startContainer.parentElement.closest(".raw");
      var end = range.endContainer.parentElement && range.endContainer.parentElement.closest(".raw");
      if (start && start === end) {
        var a = offsetIn(start, range.startContainer, range.startOffset);
        var b = offsetIn(start, range.endContainer, range.endOffset);
        if (a !== null && b !== null && b > a) {
          pending = { field: start.getAttribute("data-field"), start: a, end: b };
        }
      }
    }
    if (selectionButton) selectionButton.disabled = !pending;
  });

  if (selectionButton) {
    selectionButton.addEventListener("click", function () {
      if (!pending) return;
      var holder = document.getElementById("manual-redactions");
      var n = holder.querySelectorAll('input[name$="-field"]').length;
      var type = document.getElementById("selection-type").value;
      [["field", pending.field], ["start", pending.start], ["end", pending.end],
       ["type", type === "OTHER" ? "" : type]].forEach(function (pair) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = "m-" + n + "-" + pair[0];
        input.value = pair[1];
        holder.appendChild(input);
      });
      // Let the server show the new redaction in place, with every decision kept.
      var step = document.createElement("input");
      step.type = "hidden"; step.name = "step"; step.value = "review";
      form.appendChild(step);
      form.submit();
    });
  }

  function resolutions() {
    var list = [];
    rows.forEach(function (row) {
      var i = row.getAttribute("data-finding");
      var action = decisionOf(row);
      if (!action) return;
      list.push({
        field: form.querySelector('[name="f-' + i + '-field"]').value,
        start: parseInt(form.querySelector('[name="f-' + i + '-start"]').value, 10),
        end: parseInt(form.querySelector('[name="f-' + i + '-end"]').value, 10),
        action: action
      });
    });
    var holder = document.getElementById("manual-redactions");
    var count = holder.querySelectorAll('input[name$="-field"]').length;
    for (var m = 0; m < count; m++) {
      var type = holder.querySelector('[name="m-' + m + '-type"]');
      list.push({
        field: holder.querySelector('[name="m-' + m + '-field"]').value,
        start: parseInt(holder.querySelector('[name="m-' + m + '-start"]').value, 10),
        end: parseInt(holder.querySelector('[name="m-' + m + '-end"]').value, 10),
        action: "redact",
        type: type && type.value ? type.value : null
      });
    }
    return list;
  }

  var timer = null;
  function schedulePreview() {
    clearTimeout(timer);
    timer = setTimeout(updatePreview, 250);
  }

  function updatePreview() {
    var body = {
      title: form.querySelector('input[name="title"]').value,
      text: form.querySelector('input[name="text"]').value,
      context: form.querySelector('input[name="context"]').value,
      resolutions: resolutions()
    };
    fetch(form.getAttribute("data-preview-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (!data) return;
      var target = document.getElementById("stored-preview");
      var title = document.createElement("p");
      title.className = "stored-title";
      var strong = document.createElement("strong");
      strong.textContent = data.title;
      title.appendChild(strong);
      var list = document.createElement("ol");
      list.className = "lines";
      data.lines.forEach(function (line) {
        var li = document.createElement("li");
        li.className = "line";
        var speaker = document.createElement("span");
        speaker.className = "speaker";
        speaker.textContent = line.speaker;
        var text = document.createElement("span");
        text.className = "utterance";
        text.textContent = line.text;
        li.appendChild(speaker);
        li.appendChild(text);
        list.appendChild(li);
      });
      target.replaceChildren(title, list);
    });
  }
})();
