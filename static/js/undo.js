/* The editor's Undo and Redo: Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z press the page's "Undo" and
   "Redo" buttons, except while typing in a field (where the browser's own undo of the typing
   is what the person means). Refusals ("Someone else changed this since") are shown beside
   the buttons; successes are read out by builder.js from the server's announcement. */
(function () {
  "use strict";

  function typingIn(element) {
    if (!element) return false;
    var tag = element.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || element.isContentEditable;
  }

  function press(which) {
    var form = document.querySelector("form[data-undo='" + which + "']");
    if (form) form.requestSubmit();
  }

  document.addEventListener("keydown", function (event) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    if (event.key.toLowerCase() !== "z" || typingIn(document.activeElement)) return;
    event.preventDefault();
    press(event.shiftKey ? "redo" : "undo");
  });

  // Say beside the buttons why an undo changed nothing; clear it after the next one.
  document.body.addEventListener("htmx:afterRequest", function (event) {
    var form = event.target.closest && event.target.closest("form[data-undo], form.undo-form");
    var message = document.getElementById("undo-message");
    if (!form || !message) return;
    var xhr = event.detail.xhr;
    var refused = xhr.status === 409;
    message.textContent = refused ? xhr.responseText : "";
    message.hidden = !refused;
  });
})();
