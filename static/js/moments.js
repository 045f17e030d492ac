// The excerpt page: turn the reader's text selection (mouse, touch or keyboard) into a span for
// the "Tag a moment" and "Annotate selection" forms. Without this script the same forms tag whole
// lines through their "From line / To line" selects.
//
// Offsets count Unicode code points of each line's text, as the server does; JavaScript string
// indices count UTF-16 code units, so every length here goes through Array.from.
(function () {
  "use strict";
  var transcript = document.querySelector("[data-transcript]");
  if (!transcript) return;
  var forms = Array.prototype.slice.call(document.querySelectorAll("[data-span-form]"));
  var lines = Array.prototype.slice.call(transcript.querySelectorAll("li.line"));
  var bar = document.querySelector("[data-selection-bar]");
  var barQuote = bar ? bar.querySelector("[data-selection-quote]") : null;
  var QUOTE_MAX = 140;

  function codePoints(text) {
    return Array.from(text).length;
  }

  function utteranceOf(li) {
    return li.querySelector("[data-utterance]");
  }

  // The code point offset of a boundary point inside one line's utterance.
  function offsetIn(utterance, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(utterance);
    var where = range.comparePoint(node, offset);
    if (where < 0) return 0;
    if (where > 0) return codePoints(utterance.textContent);
    range.setEnd(node, offset);
    return codePoints(range.toString());
  }

  // Return {line, start, endLine, end} for a range over the transcript, or null.
  function spanOf(range) {
    var touched = lines.filter(function (li) { return range.intersectsNode(utteranceOf(li)); });
    if (!touched.length) return null;
    var first = touched[0];
    var last = touched[touched.length - 1];
    var span = {
      line: Number(first.getAttribute("data-line")),
      start: offsetIn(utteranceOf(first), range.startContainer, range.startOffset),
      endLine: Number(last.getAttribute("data-line")),
      end: offsetIn(utteranceOf(last), range.endContainer, range.endOffset)
    };
    // A selection that ends at the very start of a line (a triple click, a drag to the next
    // line) or starts at the very end of one does not really include that line.
    if (span.endLine > span.line && span.end === 0) {
      var previous = lines[lines.indexOf(last) - 1];
      span.endLine = Number(previous.getAttribute("data-line"));
      span.end = codePoints(utteranceOf(previous).textContent);
    }
    if (span.endLine > span.line && span.start === codePoints(utteranceOf(first).textContent)) {
      var next = lines[lines.indexOf(first) + 1];
      span.line = Number(next.getAttribute("data-line"));
      span.start = 0;
    }
    if (span.line === span.endLine && span.end <= span.start) return null;
    return span;
  }

  function field(form, name) {
    return form.querySelector('[name$="-' + name + '"]');
  }

  function shorten(text) {
    text = text.replace(/\s+/g, " ").trim();
    var chars = Array.from(text);
    return chars.length > QUOTE_MAX ? chars.slice(0, QUOTE_MAX).join("") + "…" : text;
  }

  function showPreview(form, text) {
    var preview = form.querySelector("[data-span-preview]");
    if (!preview) return;
    preview.textContent = text;
    preview.hidden = !text;
  }

  function apply(span, quote) {
    forms.forEach(function (form) {
      field(form, "line").value = String(span.line);
      field(form, "end_line").value = String(span.endLine);
      field(form, "start").value = String(span.start);
      field(form, "end").value = String(span.end);
      showPreview(form, "Selected: “" + quote + "”");
    });
    if (bar) {
      barQuote.textContent = quote;
      bar.hidden = false;
    }
  }

  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    // Clicking into a form collapses the selection: keep the span the forms already hold.
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (!transcript.contains(range.commonAncestorContainer) &&
        !range.commonAncestorContainer.contains(transcript)) return;
    var span = spanOf(range);
    if (span) apply(span, shorten(range.toString()));
  });

  // Choosing lines by hand means whole lines again.
  forms.forEach(function (form) {
    ["line", "end_line"].forEach(function (name) {
      field(form, name).addEventListener("change", function () {
        var from = field(form, "line");
        var to = field(form, "end_line");
        if (Number(to.value) < Number(from.value)) to.value = from.value;
        field(form, "start").value = "";
        field(form, "end").value = "";
        showPreview(form, from.value === to.value ? "Whole line " + from.value
          : "Whole lines " + from.value + "–" + to.value);
      });
    });
  });

  forms.forEach(function (form) {
    form.addEventListener("focusin", function () { if (bar) bar.hidden = true; });
  });

  // After the gate stopped a form, bring its list of findings into view.
  var gate = document.querySelector(".gate");
  if (gate) gate.scrollIntoView({ block: "center" });

  if (bar) {
    bar.addEventListener("click", function (event) {
      if (event.target.closest("[data-dismiss]")) {
        bar.hidden = true;
        return;
      }
      var link = event.target.closest("[data-jump]");
      if (!link) return;
      var form = document.getElementById(link.getAttribute("data-jump"));
      if (!form) return;
      bar.hidden = true;
      form.scrollIntoView({ block: "start" });
      var first = form.querySelector("select[name$='-tag'], textarea");
      if (first) first.focus({ preventScroll: true });
    });
  }
})();
