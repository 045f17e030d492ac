// The upload form: drag and drop, an upload progress bar, and clear errors. It posts the clip
// to the API with XMLHttpRequest (fetch cannot report upload progress) and then opens the
// draft's page. Without this script the form posts to the page itself.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var input = form.querySelector('input[type="file"]');
  var zone = document.getElementById("drop-zone");
  var nameEl = document.getElementById("drop-name");
  var errorEl = document.getElementById("upload-error");
  var progress = document.getElementById("upload-progress");
  var bar = document.getElementById("upload-bar");
  var percent = document.getElementById("upload-percent");
  var button = document.getElementById("upload-button");
  var maxBytes = parseInt(form.getAttribute("data-max-bytes"), 10) || 0;
  var busy = false;

  Array.prototype.forEach.call(form.querySelectorAll("[data-js-only]"), function (el) {
    el.hidden = false;
  });

  function showError(text) {
    errorEl.textContent = text;
    errorEl.hidden = !text;
    if (text) errorEl.scrollIntoView({ block: "nearest" });
  }

  function megabytes(bytes) {
    return (bytes / (1024 * 1024)).toFixed(1) + " MB";
  }

  function describe() {
    var file = input.files && input.files[0];
    nameEl.textContent = file ? "Selected: " + file.name + " (" + megabytes(file.size) + ")" : "";
    zone.classList.toggle("has-file", !!file);
    if (file) showError("");
  }

  input.addEventListener("change", describe);

  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      event.preventDefault();
      zone.classList.add("dragging");
    });
  });
  ["dragleave", "dragend"].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove("dragging"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    zone.classList.remove("dragging");
    var files = event.dataTransfer && event.dataTransfer.files;
    if (!files || !files.length) return;
    try {
      input.files = files;
    } catch (e) {
      showError("Your browser cannot take a dropped file here; choose it with the button.");
      return;
    }
    describe();
  });

  // An RFC 9457 problem from the API as one readable message.
  function problemText(xhr) {
    var problem = null;
    try {
      problem = JSON.parse(xhr.responseText);
    } catch (e) { /* not JSON: a proxy's page */ }
    var text = (problem && (problem.detail || problem.title)) || "";
    if (problem && problem.errors) {
      var extra = Object.keys(problem.errors).map(function (key) { return problem.errors[key]; });
      if (extra.length && text.indexOf(extra[0]) < 0) text += " " + extra.join(" ");
    }
    if (xhr.status === 413) {
      return text || "The clip is too large for this server. Upload a shorter part or a compressed format.";
    }
    if (xhr.status === 415) {
      return text || "That file is not an audio file Parallel can read.";
    }
    if (xhr.status === 401) return "Your session has ended. Sign in again, then upload the clip.";
    return text || "The upload failed (" + (xhr.status || "no connection") + "). Nothing was kept; please try again.";
  }

  function setBusy(value) {
    busy = value;
    button.disabled = value;
    button.textContent = value ? "Uploading…" : "Upload and transcribe";
    progress.hidden = !value;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy) return;
    var file = input.files && input.files[0];
    if (!file) {
      showError("Choose an audio file to transcribe.");
      input.focus();
      return;
    }
    if (maxBytes && file.size > maxBytes) {
      showError("The clip is " + megabytes(file.size) + ", more than this server accepts (" +
        megabytes(maxBytes) + "). Upload a shorter part or a compressed format (MP3, M4A, Opus).");
      return;
    }
    var data = new FormData();
    data.append("file", file, file.name);
    data.append("language", form.querySelector('[name="language"]').value);
    data.append("keep_audio", form.querySelector('[name="keep_audio"]').checked ? "true" : "false");

    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.getAttribute("data-api-url"));
    xhr.setRequestHeader("X-CSRFToken", csrf);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.withCredentials = true;
    xhr.upload.addEventListener("progress", function (e) {
      if (!e.lengthComputable) return;
      var value = Math.round((e.loaded / e.total) * 100);
      bar.value = value;
      percent.textContent = value < 100 ? value + "%" : "Checking the audio…";
    });
    xhr.addEventListener("load", function () {
      if (xhr.status === 202) {
        var job = JSON.parse(xhr.responseText);
        percent.textContent = "Queued. Opening the draft…";
        window.location.assign(form.getAttribute("data-draft-url").replace(/\/0$/, "/" + job.id));
        return;
      }
      setBusy(false);
      showError(problemText(xhr));
    });
    xhr.addEventListener("error", function () {
      setBusy(false);
      showError("The connection broke during the upload. Nothing was kept; please try again.");
    });
    showError("");
    bar.value = 0;
    percent.textContent = "0%";
    setBusy(true);
    xhr.send(data);
  });
})();
