/* The block inserter: the block types (the palette's labels, from the page's one
   #block-inserter template), filtered as you type, to add a block right after another.

   It opens from "/" typed at the start of an empty last paragraph of a Text block, and from
   the "+" under a block. Its filter field is a combobox that owns a listbox of the types:
   ↑/↓ choose, Enter (or a click) adds the chosen block after the block it was opened from
   (POST /builder/blocks/<id>/after, the same address Enter after a heading uses) and the
   new block opens with the caret in it. Esc closes it: from "/", what was typed ("/" and
   the filter) goes back into the paragraph, as if the inserter had not been there.

   Why a field of its own rather than the paragraph: a combobox's expanded state and active
   option belong on a combobox, which the editable text cannot be. The paragraph stays empty
   meanwhile, so a Text block that held nothing else is removed once the new block takes the
   caret (autosave.js removes blocks left empty), as Gutenberg turns the empty paragraph into
   the chosen block. */
(function () {
  "use strict";

  var template = document.getElementById("block-inserter");
  var announcer = document.getElementById("announcer");
  var RichText = window.BlogRichText;
  if (!template || !window.htmx) return;

  // The open inserter: its element, filter field, options and chosen one, the block it adds
  // after, and where it came from (a rich-text view, or the "+" that opened it).
  var current = null;

  function say(message) {
    if (announcer) announcer.textContent = message;
  }

  function shownOptions() {
    return current.options.filter(function (option) { return !option.hidden; });
  }

  function choose(option) {
    current.options.forEach(function (each) {
      each.setAttribute("aria-selected", String(each === option));
    });
    current.chosen = option;
    if (option) current.input.setAttribute("aria-activedescendant", option.id);
    else current.input.removeAttribute("aria-activedescendant");
  }

  function filter() {
    var query = current.input.value.trim().toLowerCase();
    current.options.forEach(function (option) {
      option.hidden = query !== "" && option.textContent.toLowerCase().indexOf(query) === -1;
    });
    var shown = shownOptions();
    current.empty.hidden = shown.length > 0;
    choose(shown[0] || null);
    if (!shown.length) say("No block type matches.");
    else say(shown.length === 1 ? "1 block type: " + shown[0].textContent : shown.length + " block types.");
  }

  function step(by) {
    var shown = shownOptions();
    if (!shown.length) return;
    var at = shown.indexOf(current.chosen);
    choose(shown[(at + by + shown.length) % shown.length]);
  }

  // The address that adds a block after this one: an open form carries it; a preview's is
  // its Edit link's, with /after for /edit.
  function afterUrl(block) {
    if (block.dataset.afterUrl) return block.dataset.afterUrl;
    var edit = block.querySelector(".edit-link");
    return edit.getAttribute("hx-get").replace(/\/edit$/, "/after");
  }

  function open(block, anchor, from) {
    close(false);
    var element = template.content.firstElementChild.cloneNode(true);
    current = {
      element: element,
      input: element.querySelector("[role=combobox]"),
      options: Array.prototype.slice.call(element.querySelectorAll("[role=option]")),
      empty: element.querySelector(".block-inserter-empty"),
      chosen: null,
      block: block,
      view: from.view || null,
      opener: from.opener || null
    };
    anchor.after(element);
    if (current.opener) current.opener.setAttribute("aria-expanded", "true");
    current.input.focus();
    filter();
  }

  // Close, giving the caret back where the inserter was opened. `keepTyped`: put what was
  // typed back into the paragraph ("/" and the filter), as Esc does.
  function close(keepTyped) {
    if (!current) return;
    var was = current;
    current = null;
    if (was.opener) was.opener.setAttribute("aria-expanded", "false");
    if (was.element.contains(document.activeElement)) {
      if (was.view) was.view.focus();
      else if (was.opener) was.opener.focus();
    }
    if (was.view && keepTyped) {
      was.view.dispatch(was.view.state.tr.insertText("/" + was.input.value));
    }
    was.element.remove();
  }

  // The empty paragraph "/" was typed in is not kept when the block's text goes on above it.
  function dropEmptyParagraph(view) {
    var selection = view.state.selection;
    if (view.state.doc.childCount < 2 || selection.$from.parent.content.size) return;
    view.dispatch(view.state.tr.delete(selection.$from.before(1), selection.$from.after(1)));
  }

  function insert(option) {
    var was = current;
    close(false);
    if (was.view) dropEmptyParagraph(was.view);
    window.BlogBuilder.addBlock(afterUrl(was.block), {
      // The column sends the request (with htmx's CSRF header): only the type is posted.
      source: was.block.parentElement,
      target: was.block,
      swap: "afterend",
      values: {type: option.dataset.type}
    });
  }

  // "/" at the start of an empty last paragraph of a Text block. Caught before ProseMirror
  // sees the key, so no "/" is typed.
  function emptyLastParagraph(state) {
    var selection = state.selection;
    var $from = selection.$from;
    return selection.empty && $from.depth === 1 && $from.parent.type.name === "paragraph" &&
      $from.parent.content.size === 0 && $from.index(0) === state.doc.childCount - 1;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    var view = RichText && RichText.viewOf ? RichText.viewOf(event.target) : null;
    var form = view && view.dom.closest("form.builder-block.editing");
    if (!form || !form.dataset.afterUrl || !emptyLastParagraph(view.state)) return;
    event.preventDefault();
    event.stopPropagation();
    open(form, view.dom.closest(".rich-text") || view.dom, {view: view});
  }, true);

  // The inserter's own keys. Its events stop here: they are not typing into the block, so
  // autosave.js must not count them (input) nor leave the block on them (Esc).
  document.addEventListener("keydown", function (event) {
    if (!current || event.target !== current.input) return;
    var keys = {
      ArrowDown: function () { step(1); },
      ArrowUp: function () { step(-1); },
      Enter: function () { if (current.chosen) insert(current.chosen); },
      Escape: function () { close(true); }
    };
    // Backspace in an empty filter takes the "/" back, as in Gutenberg.
    if (event.key === "Backspace" && current.view && current.input.value === "") {
      keys.Backspace = function () { close(false); };
    }
    var handle = keys[event.key];
    if (!handle) return;
    event.preventDefault();
    event.stopPropagation();
    handle();
  }, true);

  document.addEventListener("input", function (event) {
    if (!current || event.target !== current.input) return;
    event.stopPropagation();
    filter();
  }, true);

  // A click on a type inserts it; the press must not take focus from the filter first.
  document.addEventListener("mousedown", function (event) {
    if (current && event.target.closest && event.target.closest(".block-inserter [role=option]")) {
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    var option = current && event.target.closest && event.target.closest(".block-inserter [role=option]");
    if (option && current.element.contains(option)) insert(option);
  });

  // Focus leaving the inserter closes it (nothing is inserted); to the "+" that opened it,
  // the "+" itself closes it on its click.
  document.addEventListener("focusout", function (event) {
    if (!current || !current.element.contains(event.target)) return;
    var to = event.relatedTarget;
    if (to && (current.element.contains(to) || to === current.opener)) return;
    close(false);
  });

  // The "+" under each block: a link to the editor with that place's block types (how it
  // works without JavaScript); here it opens the inserter instead.
  function addHere(link) {
    if (current && current.opener === link) {
      close(false);
      return;
    }
    open(link.closest("[data-block-id]"), link, {opener: link});
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.add-here");
    if (!link) return;
    event.preventDefault();
    addHere(link);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === " " && event.target.matches && event.target.matches("a.add-here")) {
      event.preventDefault();
      addHere(event.target);
    }
  });

  htmx.onLoad(function (content) {
    if (!content.querySelectorAll) return;
    content.querySelectorAll("a.add-here").forEach(function (link) {
      link.setAttribute("role", "button");
      link.setAttribute("aria-haspopup", "listbox");
      link.setAttribute("aria-expanded", "false");
    });
  });
})();
