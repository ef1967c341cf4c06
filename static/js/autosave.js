/* Saving as you type. A block's edit form is saved a moment after the last change and when
   focus leaves it, one request at a time (the form's hx-sync), each carrying the block's
   version; the server answers only the new version, so the form stays open under the caret.
   One status in the editor's header says "Saving…", "Saved" or "Not saved" (with Retry when
   the server failed or could not be reached). Ctrl/Cmd+S saves now, Esc leaves the block,
   leaving the page with unsaved text asks first, and a block left empty is removed (the
   server decides what empty is). Listens to input events only, so any editor that writes
   into the form's fields and fires "input" (static/js/rich_text.js) is saved the same way. */
(function () {
  "use strict";

  var PAUSE_MS = 1000;
  var FORMS = "form.builder-block.editing";
  var status = document.getElementById("save-status");
  var retryButton = document.getElementById("save-retry");
  if (!status || !window.htmx) return;

  // Per open form: changes counted as typed, the count the server has stored, the pending
  // save's timer, whether a request is under way, and why the last one failed.
  var states = new WeakMap();
  var savedOnce = false;

  function stateOf(form) {
    var state = states.get(form);
    if (!state) {
      state = {changes: 0, stored: 0, timer: null, sending: false, failure: null};
      states.set(form, state);
    }
    return state;
  }

  function blockForm(element) {
    return element && element.closest ? element.closest(FORMS) : null;
  }

  function openForms() {
    return Array.prototype.slice.call(document.querySelectorAll(FORMS));
  }

  // A form whose typed text is not stored: changed since its last save, or showing a
  // conflict or a field message (what it holds was refused).
  function unsaved(form) {
    var state = stateOf(form);
    return state.changes !== state.stored || state.failure !== null ||
      form.querySelector(".conflict, .field-error") !== null;
  }

  // A chosen image goes with the Save button: its answer shows the uploaded picture.
  function carriesFile(form) {
    return Array.prototype.some.call(form.querySelectorAll("input[type=file]"), function (input) {
      return input.files && input.files.length > 0;
    });
  }

  // Nothing typed into the form's fields and no picture in it (select and checkbox choices
  // do not count). Only a blank form is left on blur; the server decides whether the block
  // it holds is empty and goes.
  function blank(form) {
    if (carriesFile(form) || form.querySelector(".current-image")) return false;
    var typed = form.querySelectorAll(
      "textarea, input:not([type]), input[type=text], input[type=url], input[type=number]");
    return Array.prototype.every.call(typed, function (field) { return !field.value.trim(); });
  }

  // The page's one status. Retry is offered when an autosave failed on the way (network,
  // server error); other refusals are explained where they happened, by the form itself or
  // by builder.js's alert box.
  function show() {
    var forms = openForms();
    var sending = forms.some(function (form) { return stateOf(form).sending; });
    var failed = forms.some(function (form) { return stateOf(form).failure === "failed"; });
    var refused = forms.some(function (form) {
      return stateOf(form).failure !== null || form.querySelector(".conflict, .field-error");
    });
    if (sending) status.textContent = "Saving…";
    else if (refused) status.textContent = "Not saved";
    else if (savedOnce) status.textContent = "Saved";
    retryButton.hidden = sending || !failed;
  }

  // Save a form now, unless it waits for a person's decision (a conflict: saving would
  // replace the other person's text) or for the Save button (a chosen image).
  function saveNow(form) {
    var state = stateOf(form);
    window.clearTimeout(state.timer);
    state.timer = null;
    if (!document.body.contains(form) || form.querySelector(".conflict") || carriesFile(form)) return;
    if (!unsaved(form)) return;
    htmx.trigger(form, "autosave");
  }

  // Save as the Save button does (its answer shows the block), or leave as Cancel does.
  function submit(form) {
    form.requestSubmit(form.querySelector("button[type=submit]:not([formaction])"));
  }

  function leave(form) {
    var cancel = form.querySelector("button[formaction]");
    if (cancel) cancel.click();
  }

  document.addEventListener("input", function (event) {
    var form = blockForm(event.target);
    if (!form) return;
    var state = stateOf(form);
    state.changes += 1;
    window.clearTimeout(state.timer);
    state.timer = window.setTimeout(function () { saveNow(form); }, PAUSE_MS);
  });

  // Focus leaving a block: an untouched empty one is left (and removed), else it is saved.
  // A window losing focus keeps its focused field, so that does not count as leaving.
  document.addEventListener("focusout", function (event) {
    var form = blockForm(event.target);
    if (!form || (event.relatedTarget && form.contains(event.relatedTarget))) return;
    window.setTimeout(function () {
      if (!document.body.contains(form) || form.contains(document.activeElement)) return;
      // After a refusal the person acts first (Retry, typing again): saving again on the
      // way out would only be refused again, and would replace what Retry sends.
      if (stateOf(form).sending || stateOf(form).failure !== null) return;
      if (blank(form) && !form.querySelector(".conflict")) {
        leave(form);
      } else {
        saveNow(form);
      }
    }, 0);
  });

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented) return;
    var key = (event.key || "").toLowerCase();  // autofill sends keydown with no key
    if ((event.ctrlKey || event.metaKey) && !event.altKey && key === "s") {
      event.preventDefault();
      openForms().forEach(function (form) {
        if (carriesFile(form)) submit(form);
        else saveNow(form);
      });
      return;
    }
    var form = blockForm(event.target);
    if (!form || key !== "escape") return;
    event.preventDefault();
    window.clearTimeout(stateOf(form).timer);
    // Esc leaves: with unsaved text it saves first (the Save button's answer shows the
    // block), otherwise it leaves as Cancel does.
    if (blank(form) || !unsaved(form)) leave(form);
    else submit(form);
  });

  // Mark what each request from a block form is, and make an autosave one: it always goes to
  // the save address (a focused Cancel button would otherwise lend it its formaction).
  document.body.addEventListener("htmx:configRequest", function (event) {
    var form = event.detail.elt;
    if (!form.matches || !form.matches(FORMS)) return;
    var trigger = event.detail.triggeringEvent;
    var state = stateOf(form);
    window.clearTimeout(state.timer);
    if (trigger && trigger.type === "autosave") {
      event.detail.path = form.getAttribute("hx-post");
      event.detail.parameters.autosave = "1";
      event.detail.blockRequest = "autosave";
    } else if (event.detail.path !== form.getAttribute("hx-post")) {
      event.detail.blockRequest = "leave";
      event.detail.column = form.closest(".builder-column");
      return;
    } else {
      event.detail.blockRequest = "save";
    }
    event.detail.changesSent = state.changes;
    state.sending = true;
    show();
  });

  // The server's answer to an autosave: the block's new version, for the next save.
  document.body.addEventListener("blockSaved", function (event) {
    var form = blockForm(event.target);
    var version = form && form.querySelector("input[name=version]");
    if (version) version.value = event.detail.version;
  });

  // An autosave refused for a field (422) shows the field's message in the open form
  // instead of replacing it, so nothing typed meanwhile is lost; a conflict (409) swaps in
  // the conflict form, carrying over what was typed while the request was under way.
  var refusedSaves = window.BlogBuilder.refusedSaves;
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var config = event.detail.requestConfig;
    if (!config || config.blockRequest !== "autosave") return;
    var form = config.elt;
    var status = event.detail.xhr.status;
    if (status === 422) {
      event.detail.shouldSwap = false;
      refusedSaves.showFieldMessages(form, event.detail.serverResponse);
    } else if (status === 409) {
      event.detail.serverResponse = refusedSaves.withTypedValues(event.detail.serverResponse, form);
    }
  });

  document.body.addEventListener("htmx:afterRequest", function (event) {
    var config = event.detail.requestConfig;
    if (!config || !config.blockRequest) return;
    var form = config.elt;
    var xhr = event.detail.xhr;
    if (config.blockRequest === "leave") {
      // The block was removed: focus, if it was in the block, goes to its column's "Add
      // block" (focus the person moved elsewhere stays there).
      var add = config.column && config.column.querySelector(".add-block, .palette summary");
      var lost = !document.activeElement || document.activeElement === document.body;
      if (add && lost && !document.body.contains(form) && !xhr.responseText) {
        add.focus();
      }
      return;
    }
    var state = stateOf(form);
    state.sending = false;
    if (xhr.status >= 200 && xhr.status < 300) {
      state.stored = config.changesSent;
      state.failure = null;
      savedOnce = true;
      if (config.blockRequest === "autosave") refusedSaves.clearFieldMessages(form);
    } else if (config.blockRequest === "autosave" && (xhr.status === 0 || xhr.status >= 500)) {
      state.failure = "failed";
    } else {
      state.failure = "refused";
    }
    show();
  });

  retryButton.addEventListener("click", function () {
    openForms().forEach(function (form) {
      if (stateOf(form).failure === "failed") {
        stateOf(form).failure = null;
        saveNow(form);
      }
    });
  });

  // Leaving the page while text is unsaved, or a save is under way, asks first.
  window.addEventListener("beforeunload", function (event) {
    var waiting = openForms().some(function (form) {
      return stateOf(form).sending || unsaved(form);
    });
    if (!waiting) return;
    event.preventDefault();
    event.returnValue = "";
  });
})();
