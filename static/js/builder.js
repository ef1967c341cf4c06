/* The builder's small script: drag and drop with SortableJS, the aria-live announcements,
   upload progress and size checks (canvas.js gives blocks their toolbars). Everything else
   is htmx attributes in the templates, and every action also works as a plain form without
   this file. */
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  // Read out what the server says each change did (HX-Trigger: {"announce": "..."}).
  document.body.addEventListener("announce", function (event) {
    var announcer = document.getElementById("announcer");
    if (!announcer) return;
    // Clearing first makes screen readers repeat a message that did not change.
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = event.detail.value; }, 50);
  });

  // After a drop, post the container's ids in their new order through its order form.
  function postOrder(list, name, selector) {
    var form = document.getElementById(list.dataset.orderForm);
    if (!form) return;
    form.querySelectorAll("input[name='" + name + "']").forEach(function (input) {
      input.remove();
    });
    list.querySelectorAll(selector).forEach(function (item) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = item.dataset[name === "row" ? "rowId" : "blockId"];
      form.appendChild(input);
    });
    htmx.trigger(form, "reorder");
  }

  function makeSortable(list) {
    if (list.dataset.sortableReady) return;
    list.dataset.sortableReady = "yes";
    var rows = list.dataset.sortable === "rows";
    Sortable.create(list, {
      group: rows ? "rows" : "blocks",
      handle: rows ? ".row-handle" : ".block-handle",
      draggable: rows ? ".builder-row" : "[data-block-id]",
      // Pointer events instead of native drag and drop: the same path for mouse and touch.
      forceFallback: true,
      fallbackOnBody: true,
      animation: 150,
      onEnd: function (event) {
        if (event.from === event.to && event.oldIndex === event.newIndex) return;
        if (rows) {
          postOrder(event.to, "row", ":scope > [data-row-id]");
        } else {
          postOrder(event.to, "block", ":scope > [data-block-id]");
        }
      }
    });
  }

  htmx.onLoad(function (content) {
    var lists = content.querySelectorAll ? content.querySelectorAll("[data-sortable]") : [];
    lists.forEach(makeSortable);
    if (content.matches && content.matches("[data-sortable]")) makeSortable(content);
  });

  // Refuse a too-large image before sending it; the server refuses it too.
  document.body.addEventListener("htmx:confirm", function (event) {
    var input = event.target.querySelector && event.target.querySelector("input[type=file]");
    if (!input || !input.files.length) return;
    var limit = Number(input.dataset.maxBytes);
    if (limit && input.files[0].size > limit) {
      event.preventDefault();
      var message = input.parentElement.querySelector(".upload-too-large");
      if (!message) {
        message = document.createElement("span");
        message.className = "field-error upload-too-large";
        message.setAttribute("role", "alert");
        input.after(message);
      }
      message.textContent = "The image is larger than " +
        Math.floor(limit / 1048576) + " MB; choose a smaller one.";
    }
  });

  // Show upload progress (htmx 2 reports it through htmx:xhr:progress).
  document.body.addEventListener("htmx:xhr:progress", function (event) {
    var bar = event.target.querySelector && event.target.querySelector(".upload-progress");
    if (!bar || !event.detail.lengthComputable) return;
    bar.hidden = false;
    bar.value = Math.round((event.detail.loaded / event.detail.total) * 100);
  });

  // A change the server refused with nothing to swap in (the session ended, the block was
  // deleted meanwhile, the account may not do it, the server failed or could not be
  // reached): say why in a box that stays until closed, and leave the form as it was, so
  // nothing typed is lost. Retry sends the same change again, with the session's current
  // CSRF token (logging in again in another tab gives a new one).
  var problem = document.getElementById("request-problem");
  var retry = null;

  function showProblem(message, again, needsLogin) {
    if (!problem) return;
    retry = again;
    problem.querySelector(".request-problem-message").textContent = message;
    problem.querySelector(".request-problem-login").hidden = !needsLogin;
    problem.querySelector(".request-problem-retry").hidden = !again;
    problem.hidden = false;
  }

  function hideProblem() {
    if (problem) problem.hidden = true;
    retry = null;
  }

  function useToken(token) {
    document.body.setAttribute("hx-headers", JSON.stringify({"X-CSRFToken": token}));
    document.querySelectorAll("input[name='csrf_token']").forEach(function (input) {
      input.value = token;
    });
  }

  function sendAgain(detail) {
    var element = detail.elt;
    var trigger = detail.requestConfig && detail.requestConfig.triggeringEvent;
    var eventName = trigger ? trigger.type : "submit";
    return function () {
      hideProblem();
      fetch(problem.dataset.tokenUrl, {headers: {"HX-Request": "true"}, credentials: "same-origin"})
        .then(function (answer) {
          if (!answer.ok) throw answer;
          return answer.json();
        })
        .then(function (body) {
          useToken(body.csrf_token);
          htmx.trigger(element, eventName);
        })
        .catch(function () {
          showProblem("Your session ended: log in in a new tab, then Retry.", sendAgain(detail), true);
        });
    };
  }

  // A block saved while typing that failed on the way (server error, no connection) is
  // shown by autosave.js in the page's save status, with its own Retry.
  function autosaveFailure(detail) {
    var trigger = detail.requestConfig && detail.requestConfig.triggeringEvent;
    var failed = !detail.xhr || detail.xhr.status === 0 || detail.xhr.status >= 500;
    return Boolean(trigger && trigger.type === "autosave" && failed);
  }

  document.body.addEventListener("htmx:responseError", function (event) {
    if (autosaveFailure(event.detail)) return;
    var xhr = event.detail.xhr;
    var plain = (xhr.getResponseHeader("Content-Type") || "").indexOf("text/plain") === 0;
    var message = plain && xhr.responseText ? xhr.responseText :
      "The change was not saved: the server failed (error " + xhr.status + "). Try again.";
    var canRetry = xhr.status === 401 || xhr.status >= 500;
    showProblem(message, canRetry ? sendAgain(event.detail) : null, xhr.status === 401);
  });

  document.body.addEventListener("htmx:sendError", function (event) {
    if (autosaveFailure(event.detail)) return;
    showProblem("The change was not saved: the server could not be reached. " +
      "Check the connection, then Retry.", sendAgain(event.detail), false);
  });

  if (problem) {
    problem.querySelector(".request-problem-retry").addEventListener("click", function () {
      if (retry) retry();
    });
    problem.querySelector(".request-problem-close").addEventListener("click", hideProblem);
  }

  // A block asked for from a script (Enter after a heading, "/", the caret past the last
  // block). A refusal or a lost connection is shown by the two handlers above; the promise
  // htmx returns is rejected then too, with nothing more to say, so it is caught here.
  window.BlogBuilder = {
    addBlock: function (url, context) {
      htmx.ajax("POST", url, context).catch(function () {});
    }
  };

  // Close the "Add block" and "Add Row" menus once a choice was made.
  document.body.addEventListener("htmx:afterRequest", function (event) {
    var menu = event.target.closest && event.target.closest("details");
    if (menu) menu.open = false;
  });
})();
