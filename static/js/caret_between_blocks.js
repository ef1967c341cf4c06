/* Moving the caret between the title and the blocks from the keyboard, as in one document:
   ↑ at the first line of an open block's first field goes into the block above (the last
   one of the page goes to the title), ↓ at the last line of its last field into the block
   below; between a block's own fields they go field to field. A block shown as a preview
   opens for editing, as a click on it does. Enter (or ↓) in the title goes into the first
   block; on a page with no block yet, Enter starts a Text block in its first column.
   The block left behind is saved, or removed when left empty, by autosave.js. */
(function () {
  "use strict";

  var PM = window.ProseMirrorBundle;
  var RichText = window.BlogRichText;
  if (!window.htmx) return;

  var FIELDS = ".rich-text-content, textarea:not([hidden]), input[type=text], input[type=url], input:not([type])";
  // A block being opened, and where its caret goes once it is: "start" or "end".
  var opening = null;

  function viewOf(element) {
    return RichText && RichText.viewOf ? RichText.viewOf(element) : null;
  }

  function fieldsOf(form) {
    return Array.prototype.filter.call(form.querySelectorAll(FIELDS), function (field) {
      return !field.closest(".block-inserter, .rich-text-link");
    });
  }

  // Whether the caret is on the first ("up") or last ("down") line of this field. In a
  // textarea, whose lines may wrap, only at its very start or end.
  function atEdge(field, direction) {
    var view = viewOf(field);
    if (view) {
      var state = view.state;
      if (!state.selection.empty || !view.endOfTextblock(direction)) return false;
      var textblocks = [];
      state.doc.descendants(function (node, position) {
        if (node.isTextblock) textblocks.push(position);
        return !node.isTextblock;
      });
      var edge = direction === "up" ? textblocks[0] : textblocks[textblocks.length - 1];
      return state.selection.$from.before() === edge;
    }
    if (field.selectionStart !== field.selectionEnd) return false;
    if (field.tagName !== "TEXTAREA") return true;
    return direction === "up" ? field.selectionStart === 0 : field.selectionEnd === field.value.length;
  }

  function placeCaret(field, place) {
    var view = viewOf(field);
    if (view) {
      var doc = view.state.doc;
      var selection = place === "start" ? PM.TextSelection.atStart(doc) : PM.TextSelection.atEnd(doc);
      view.focus();
      view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
      return;
    }
    field.focus();
    var at = place === "start" ? 0 : field.value.length;
    try {
      field.setSelectionRange(at, at);
    } catch (notText) {
      // url fields have no caret position to set: focus is enough.
    }
  }

  // Go into this block: its first field's start or its last field's end.
  function enter(block, place) {
    if (block.matches("form.editing")) {
      var fields = fieldsOf(block);
      if (fields.length) placeCaret(fields[place === "start" ? 0 : fields.length - 1], place);
      else block.focus();
      return;
    }
    var edit = block.querySelector(".edit-link");
    if (!edit) return;
    opening = {id: block.id, place: place};
    edit.click();
  }

  htmx.onLoad(function (content) {
    if (!opening || content.id !== opening.id || !content.matches("form.editing")) return;
    var place = opening.place;
    opening = null;
    enter(content, place);
  });

  function blocks() {
    return Array.prototype.slice.call(document.querySelectorAll("#rows [data-block-id]"));
  }

  function move(form, field, direction) {
    var fields = fieldsOf(form);
    var at = fields.indexOf(field.closest(".rich-text-content") || field);
    var up = direction === "up";
    var sibling = fields[at + (up ? -1 : 1)];
    if (sibling) {
      placeCaret(sibling, up ? "end" : "start");
      return true;
    }
    var all = blocks();
    var next = all[all.indexOf(form) + (up ? -1 : 1)];
    if (next) {
      enter(next, up ? "end" : "start");
      return true;
    }
    // The title is looked up each time: saving the page's details swaps it for a new one.
    var title = document.getElementById("page-title");
    if (up && title) {
      placeCaret(title, "end");
      return true;
    }
    return false;
  }

  // The first block of the page, or a new Text block when there is none.
  function fromTitle() {
    var first = blocks()[0];
    if (first) {
      enter(first, "start");
      return;
    }
    var column = document.querySelector("#rows .builder-column[data-add-url]");
    if (!column) {
      var addRow = document.querySelector(".add-row summary");
      if (addRow) addRow.focus();
      return;
    }
    var list = column.querySelector(".column-blocks");
    window.BlogBuilder.addBlock(column.dataset.addUrl, {
      source: list, target: list, swap: "beforeend", values: {type: "text"}
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.isComposing || event.shiftKey || event.altKey ||
        event.ctrlKey || event.metaKey) return;
    var field = event.target;
    if (field.id === "page-title") {
      var toFirst = event.key === "Enter" ||
        (event.key === "ArrowDown" && blocks().length > 0);
      if (!toFirst) return;
      event.preventDefault();
      fromTitle();
      return;
    }
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    var form = field.closest ? field.closest("form.builder-block.editing") : null;
    if (!form || field.closest(".block-inserter, .rich-text-link")) return;
    if (!field.matches(FIELDS) && !viewOf(field)) return;
    var direction = event.key === "ArrowUp" ? "up" : "down";
    if (!atEdge(field, direction)) return;
    if (!move(form, field, direction)) return;
    event.preventDefault();
    event.stopPropagation();  // the key moved the caret out: not the field's to handle too
  }, true);
})();
