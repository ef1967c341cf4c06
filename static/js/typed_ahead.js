/* Typing ahead of the next block. Enter at the end of a heading, "/" with a block type, and
   Enter in the page title ask the server for a new block (POST /builder/blocks/<id>/after,
   or the column's add address); until it answers, the caret is still in the block the
   person is leaving. Keys typed meanwhile are held here, not typed there, and are typed
   into the new block, in order, once it has the caret. If the new block cannot be added,
   they are typed back where they were typed, and the page says so.

   Held: characters, Enter and Backspace (which takes back the last held character). Other
   keys (arrows, Tab, Esc, shortcuts) act as usual. */
(function () {
  "use strict";
  if (!window.htmx) return;

  var AFTER = /\/blocks\/\d+\/after$/;
  var FORMS = "form.builder-block.editing";
  var RichText = window.BlogRichText || {};

  // The insert under way: its request, the field it was asked from, and the keys held.
  var pending = null;

  function isInsert(path) {
    if (AFTER.test(path)) return true;
    return Array.prototype.some.call(document.querySelectorAll("[data-add-url]"), function (column) {
      return column.dataset.addUrl === path;
    });
  }

  function editable(element) {
    if (!element) return false;
    if (RichText.viewOf && RichText.viewOf(element)) return true;
    return element.matches("textarea, input:not([type]), input[type=text], input[type=url]");
  }

  // Said under the field the keys went back to, as a polite status (the page's announcer
  // is busy with the server's own reason the block was not added).
  function say(field, message) {
    var place = field.closest(".field") || field.closest(FORMS) || field.parentElement;
    var note = place.querySelector(".typed-ahead-note");
    if (!note) {
      note = document.createElement("p");
      note.className = "field-help typed-ahead-note";
      note.setAttribute("role", "status");
      place.appendChild(note);
    }
    note.textContent = message;
  }

  // Type one held key into a field: text at the caret, Enter as a key of its own (it may
  // split a paragraph, or ask for yet another block).
  function typeKey(element, key) {
    var view = RichText.viewOf ? RichText.viewOf(element) : null;
    if (key.enter) {
      var target = view ? view.dom : element;
      target.dispatchEvent(new KeyboardEvent("keydown", {
        key: "Enter", code: "Enter", shiftKey: key.shift, bubbles: true, cancelable: true
      }));
    } else if (view) {
      view.dispatch(view.state.tr.insertText(key.text).scrollIntoView());
    } else {
      element.setRangeText(key.text, element.selectionStart, element.selectionEnd, "end");
      element.dispatchEvent(new Event("input", {bubbles: true}));
    }
  }

  // Type the held keys into `element`; keys after an Enter that asked for another block
  // wait for that one.
  function typeInto(element, keys) {
    for (var i = 0; i < keys.length; i++) {
      if (pending) {
        pending.keys = pending.keys.concat(keys.slice(i));
        return;
      }
      typeKey(element, keys[i]);
    }
  }

  function finish(failed) {
    var was = pending;
    pending = null;
    var focused = document.activeElement;
    var form = focused && focused.closest ? focused.closest(FORMS) : null;
    var arrived = !failed && form && editable(focused) && !form.contains(was.origin);
    var target = arrived ? focused : was.origin;
    if (!was.keys.length || !document.body.contains(target)) return;
    if (!arrived) {
      target.focus();
      say(target, "The new block was not added: what you typed meanwhile is back here.");
    }
    typeInto(target, was.keys);
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var config = event.detail.requestConfig;
    if (pending || !config || config.verb !== "post" || !isInsert(config.path)) return;
    var origin = document.activeElement;
    if (!editable(origin)) return;
    pending = {xhr: event.detail.xhr, origin: origin, keys: []};
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    if (!pending || event.detail.xhr !== pending.xhr) return;
    // A refusal (or no connection) is not swapped in; a new block is, and is settled next.
    if (!event.detail.successful || !event.detail.xhr.responseText) finish(true);
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    if (pending && event.detail.xhr === pending.xhr) finish(false);
  });

  // Before any other key handler (the inserter's "/", the editor's keys): capture on window.
  window.addEventListener("keydown", function (event) {
    if (!pending || !event.isTrusted || event.isComposing) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var keys = pending.keys;
    if (event.key === "Enter") {
      keys.push({enter: true, shift: event.shiftKey});
    } else if (event.key === "Backspace") {
      var last = keys[keys.length - 1];
      if (last && last.text) keys.pop();
    } else if (event.key && event.key.length === 1) {
      keys.push({text: event.key});
    } else {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
  }, true);
})();
