/* The builder's small script: drag and drop with SortableJS, the aria-live announcements,
   upload progress and size checks, each block's toolbar and which moves are left. Everything else is htmx attributes in the templates, and
   every action also works as a plain form without this file. */
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
        markEnds();
      }
    });
  }

  // Every block's toolbar, from the page's one template (the server sends each block with
  // its Edit link only, so a long page stays light): aimed at the block's address, the Edit
  // link's less "/edit". Without JavaScript the same actions come as real forms with Edit.
  var toolbarTemplate = document.getElementById("block-toolbar");

  function giveToolbar(block) {
    var edit = block.querySelector(":scope > .edit-link");
    if (!toolbarTemplate || !edit) return;
    var address = edit.getAttribute("hx-get").replace(/\/edit$/, "");
    var toolbar = toolbarTemplate.content.firstElementChild.cloneNode(true);
    toolbar.setAttribute("action", address + "/move");
    toolbar.setAttribute("hx-post", address + "/move");
    toolbar.querySelectorAll("button[data-action]").forEach(function (button) {
      button.setAttribute("formaction", address + "/" + button.dataset.action);
    });
    // Ids as the server once gave them: htmx keeps focus on a button of the same id.
    toolbar.querySelector(".move-up").id = block.id + "-up";
    toolbar.querySelector(".move-down").id = block.id + "-down";
    toolbar.insertBefore(edit, toolbar.children[1]);
    block.insertBefore(toolbar, block.firstChild);
    htmx.process(toolbar);
  }

  // Moves that cannot happen are disabled: "Move up" on the first block of a column and on
  // the first row, "Move down" on the last. Kept true after every swap and drop (aria-
  // disabled, not disabled, so focus stays on a button that has just reached an end).
  function markEnd(button, atEnd) {
    if (!button) return;
    if (atEnd) button.setAttribute("aria-disabled", "true");
    else button.removeAttribute("aria-disabled");
  }

  function markEnds() {
    document.querySelectorAll(".column-blocks").forEach(function (list) {
      var blocks = list.querySelectorAll(":scope > [data-block-id]");
      blocks.forEach(function (block, index) {
        markEnd(block.querySelector(".move-up"), index === 0);
        markEnd(block.querySelector(".move-down"), index === blocks.length - 1);
      });
    });
    var rows = document.querySelectorAll("#rows > .builder-row");
    rows.forEach(function (row, index) {
      markEnd(document.getElementById(row.id + "-up"), index === 0);
      markEnd(document.getElementById(row.id + "-down"), index === rows.length - 1);
    });
  }

  htmx.onLoad(function (content) {
    if (!content.querySelectorAll) return;
    var lists = content.querySelectorAll("[data-sortable]");
    lists.forEach(makeSortable);
    if (content.matches("[data-sortable]")) makeSortable(content);
    var blocks = content.querySelectorAll("article.builder-block");
    blocks.forEach(giveToolbar);
    if (content.matches("article.builder-block")) giveToolbar(content);
    markEnds();
  });

  // A disabled move does nothing (the server would refuse it too).
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[aria-disabled='true']")) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

  // A click on a block's preview opens it, as its Edit link does.
  document.body.addEventListener("click", function (event) {
    var preview = event.target.closest && event.target.closest(".block-preview");
    var edit = preview && preview.parentElement.querySelector(".edit-link");
    if (edit) edit.click();
  });

  // Ask before a button that says so (Delete row) does its work.
  document.body.addEventListener("htmx:confirm", function (event) {
    var trigger = event.detail.triggeringEvent;
    var button = trigger && trigger.submitter;
    if (!button || !button.dataset.confirm) return;
    event.preventDefault();
    if (window.confirm(button.dataset.confirm)) event.detail.issueRequest(true);
  });

  // Focus stays where it was when an answer replaces it: htmx looks for the focused id as
  // soon as it swaps, before the toolbars above are given, so look again once settled.
  var focusedId = null;
  document.body.addEventListener("htmx:beforeSwap", function () {
    focusedId = document.activeElement && document.activeElement.id;
  });
  document.body.addEventListener("htmx:afterSettle", function () {
    var again = focusedId && document.getElementById(focusedId);
    if (again && document.activeElement === document.body) again.focus();
    focusedId = null;
  });

  // "Page settings" stays open while the details it holds are saved and swapped.
  var settingsOpen = false;
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var settings = event.detail.target.querySelector && event.detail.target.querySelector(".page-settings");
    settingsOpen = Boolean(settings && settings.open);
  });
  document.body.addEventListener("htmx:afterSwap", function () {
    var settings = document.querySelector("#page-details .page-settings");
    if (settings && settingsOpen) settings.open = true;
  });

  // After a change to the draft, a published page's actions say again whether readers get
  // it yet (#page-actions listens for "draft-changed").
  document.body.addEventListener("htmx:afterRequest", function (event) {
    var detail = event.detail;
    var verb = detail.requestConfig && detail.requestConfig.verb;
    if (!detail.successful || verb === "get") return;
    if (detail.elt.closest && detail.elt.closest("#page-actions")) return;
    htmx.trigger(document.body, "draft-changed");
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

  document.body.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var plain = (xhr.getResponseHeader("Content-Type") || "").indexOf("text/plain") === 0;
    var message = plain && xhr.responseText ? xhr.responseText :
      "The change was not saved: the server failed (error " + xhr.status + "). Try again.";
    var canRetry = xhr.status === 401 || xhr.status >= 500;
    showProblem(message, canRetry ? sendAgain(event.detail) : null, xhr.status === 401);
  });

  document.body.addEventListener("htmx:sendError", function (event) {
    showProblem("The change was not saved: the server could not be reached. " +
      "Check the connection, then Retry.", sendAgain(event.detail), false);
  });

  if (problem) {
    problem.querySelector(".request-problem-retry").addEventListener("click", function () {
      if (retry) retry();
    });
    problem.querySelector(".request-problem-close").addEventListener("click", hideProblem);
  }

  // Close the "Add block" and "Add Row" menus once a choice was made.
  document.body.addEventListener("htmx:afterRequest", function (event) {
    var menu = event.target.closest && event.target.closest("details");
    if (menu) menu.open = false;
  });
})();
