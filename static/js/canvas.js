/* The canvas: each block's toolbar from the page's one template, which moves are left at
   the ends of columns and of the page, and the small behaviours of a quiet editor. Every
   action also works without this file: "Edit" then opens the block with its actions as
   real forms. */
(function () {
  "use strict";

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
    toolbar.querySelector(".move-previous-column").id = block.id + "-previous-column";
    toolbar.querySelector(".move-next-column").id = block.id + "-next-column";
    toolbar.insertBefore(edit, toolbar.children[1]);
    block.insertBefore(toolbar, block.firstChild);
    htmx.process(toolbar);
  }

  // Moves that cannot happen are disabled: "Move up" on the first block of a column of the
  // page's first row (elsewhere it goes on into the row above), "Move down" on the last
  // block of a column of the last row, column moves at the ends of a row, and row moves at
  // the ends of the page. Kept true after every swap and drop (aria-disabled, not disabled,
  // so focus stays on a button that has just reached an end).
  function markEnd(button, atEnd) {
    if (!button) return;
    if (atEnd) button.setAttribute("aria-disabled", "true");
    else button.removeAttribute("aria-disabled");
  }

  function markEnds() {
    var rows = document.querySelectorAll("#rows > .builder-row");
    rows.forEach(function (row, rowIndex) {
      var columns = row.querySelectorAll(".builder-column");
      columns.forEach(function (column, columnIndex) {
        var blocks = column.querySelectorAll(".column-blocks > [data-block-id]");
        blocks.forEach(function (block, index) {
          markEnd(block.querySelector(".move-up"), index === 0 && rowIndex === 0);
          markEnd(block.querySelector(".move-down"),
                  index === blocks.length - 1 && rowIndex === rows.length - 1);
          markEnd(block.querySelector(".move-previous-column"), columnIndex === 0);
          markEnd(block.querySelector(".move-next-column"), columnIndex === columns.length - 1);
        });
      });
      markEnd(document.getElementById(row.id + "-up"), rowIndex === 0);
      markEnd(document.getElementById(row.id + "-down"), rowIndex === rows.length - 1);
    });
  }

  htmx.onLoad(function (content) {
    if (!content.querySelectorAll) return;
    content.querySelectorAll("article.builder-block").forEach(giveToolbar);
    if (content.matches("article.builder-block")) giveToolbar(content);
    markEnds();
  });

  // After a drop (builder.js then posts the container's new order as "reorder"), and after
  // any answer that removed something (a deleted row, a block left empty).
  document.body.addEventListener("reorder", markEnds);
  document.body.addEventListener("htmx:afterSettle", markEnds);

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
})();
