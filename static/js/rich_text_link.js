/* The rich-text editor's link dialog (Ctrl/Cmd+K or the Link button): one Address field
   checked against the allowed addresses, Apply, Remove link and Cancel. A small element of
   our own rather than window.prompt, so that it can say what is wrong and keeps focus
   inside the block. Exposes window.BlogRichText.makeLinkDialog. */
(function () {
  "use strict";

  var RichText = window.BlogRichText = window.BlogRichText || {};
  var REFUSED = "Use an address that starts with https://, http:// or mailto:, " +
    "or a path on this site such as /about.";

  /* The range of the link around the caret, or of the selection when it is not empty. */
  function linkRange(state) {
    var selection = state.selection;
    var type = state.schema.marks.link;
    if (!selection.empty) return {from: selection.from, to: selection.to};
    var $pos = selection.$from;
    var mark = type.isInSet($pos.marks()) || ($pos.nodeBefore && type.isInSet($pos.nodeBefore.marks));
    if (!mark) return {from: selection.from, to: selection.to};
    var parent = $pos.parent;
    var start = $pos.start();
    var from = selection.from;
    var to = selection.from;
    var offset = 0;
    var ranges = [];
    parent.forEach(function (child) {
      ranges.push({from: start + offset, to: start + offset + child.nodeSize, linked: mark.isInSet(child.marks)});
      offset += child.nodeSize;
    });
    ranges.forEach(function (range, index) {
      if (!range.linked || range.to < from || range.from > to) return;
      var first = index;
      var last = index;
      while (first > 0 && ranges[first - 1].linked) first--;
      while (last < ranges.length - 1 && ranges[last + 1].linked) last++;
      from = Math.min(from, ranges[first].from);
      to = Math.max(to, ranges[last].to);
    });
    return {from: from, to: to};
  }

  function currentHref(state, range) {
    var found = "";
    state.doc.nodesBetween(range.from, Math.max(range.to, range.from + 1), function (node) {
      var mark = state.schema.marks.link.isInSet(node.marks);
      if (mark && !found) found = mark.attrs.href;
    });
    return found;
  }

  function button(label, className) {
    var element = document.createElement("button");
    element.type = "button";
    element.textContent = label;
    if (className) element.className = className;
    return element;
  }

  /* The dialog for the editor `view`; `idBase` makes its ids unique. Returns
     {element, open()}. */
  RichText.makeLinkDialog = function (view, idBase) {
    var dialog = document.createElement("div");
    dialog.className = "rich-text-link";
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-label", "Link");
    dialog.hidden = true;
    var label = document.createElement("label");
    label.htmlFor = idBase + "-link";
    label.textContent = "Address";
    var input = document.createElement("input");
    input.type = "text";
    input.id = idBase + "-link";
    input.setAttribute("inputmode", "url");
    input.setAttribute("autocomplete", "off");
    input.spellcheck = false;
    var error = document.createElement("span");
    error.className = "field-error";
    error.id = idBase + "-link-error";
    error.hidden = true;
    var apply = button("Apply");
    var remove = button("Remove link", "secondary");
    var cancel = button("Cancel", "secondary");
    var actions = document.createElement("div");
    actions.className = "form-actions";
    actions.append(apply, remove, cancel);
    dialog.append(label, input, error, actions);
    var range = null;

    function close() {
      dialog.hidden = true;
      error.hidden = true;
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
      view.focus();
    }

    function applyLink() {
      var href = RichText.safeHref(input.value);
      if (!href) {
        error.textContent = REFUSED;
        error.hidden = false;
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", error.id);
        input.focus();
        return;
      }
      var link = view.state.schema.marks.link;
      var tr = view.state.tr;
      if (range.from === range.to) {
        tr.insert(range.from, view.state.schema.text(href, [link.create({href: href})]));
      } else {
        tr.removeMark(range.from, range.to, link).addMark(range.from, range.to, link.create({href: href}));
      }
      view.dispatch(tr);
      close();
    }

    function removeLink() {
      if (range.from !== range.to) {
        view.dispatch(view.state.tr.removeMark(range.from, range.to, view.state.schema.marks.link));
      }
      close();
    }

    apply.addEventListener("click", applyLink);
    remove.addEventListener("click", removeLink);
    cancel.addEventListener("click", close);
    dialog.addEventListener("keydown", function (event) {
      // Enter would submit the block's form, Esc would leave the block: both stay here.
      if (event.key === "Enter" && event.target === input) {
        event.preventDefault();
        applyLink();
      } else if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        close();
      }
    });

    return {
      element: dialog,
      open: function () {
        range = linkRange(view.state);
        input.value = currentHref(view.state, range);
        remove.hidden = !input.value;
        error.hidden = true;
        dialog.hidden = false;
        input.focus();
        input.select();
        return true;
      }
    };
  };
})();
