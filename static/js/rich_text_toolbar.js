/* The rich-text editor's formatting commands and its toolbar: Bold, Italic, Link, Inline
   code, Bulleted list and Numbered list, as buttons whose aria-pressed follows the
   selection, in one tab stop (arrow keys move between them, as WAI-ARIA's toolbar pattern
   says). Exposes window.BlogRichText.{commands, makeToolbar}. */
(function () {
  "use strict";

  var PM = window.ProseMirrorBundle;
  var RichText = window.BlogRichText = window.BlogRichText || {};

  /* True when the selection (or the caret's next typed text) carries this mark. */
  function markActive(state, type) {
    var selection = state.selection;
    if (selection.empty) return !!type.isInSet(state.storedMarks || selection.$from.marks());
    return state.doc.rangeHasMark(selection.from, selection.to, type);
  }

  /* The depth of the closest list around the selection's start and its node, or null. */
  function closestList(state) {
    var $from = state.selection.$from;
    for (var depth = $from.depth; depth > 0; depth--) {
      var node = $from.node(depth);
      if (node.type.name === "bullet_list" || node.type.name === "ordered_list") {
        return {node: node, position: $from.before(depth)};
      }
    }
    return null;
  }

  /* Out of this kind of list when in one, into it from the other kind, else a new list. */
  function toggleList(schema, listType) {
    return function (state, dispatch) {
      var list = closestList(state);
      if (list && list.node.type === listType) {
        return PM.liftListItem(schema.nodes.list_item)(state, dispatch);
      }
      if (list) {
        if (dispatch) {
          dispatch(state.tr.setNodeMarkup(list.position, listType, {tight: list.node.attrs.tight}));
        }
        return true;
      }
      return PM.wrapInList(listType)(state, dispatch);
    };
  }

  RichText.commands = function (schema) {
    return {
      bold: PM.toggleMark(schema.marks.strong),
      italic: PM.toggleMark(schema.marks.em),
      code: PM.toggleMark(schema.marks.code),
      bulletList: toggleList(schema, schema.nodes.bullet_list),
      numberedList: toggleList(schema, schema.nodes.ordered_list),
      markActive: markActive,
      inList: function (state, type) {
        var list = closestList(state);
        return !!list && list.node.type === type;
      }
    };
  };

  function toolbarButton(spec) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "tool rich-text-button";
    button.textContent = spec.label;
    button.setAttribute("aria-pressed", "false");
    button.setAttribute("aria-keyshortcuts", spec.keys);
    button.title = spec.label + " (" + spec.keys.split(" ")[0].replace("Control", "Ctrl") + ")";
    // Keep the editor's selection and focus while the mouse is down on a button.
    button.addEventListener("mousedown", function (event) { event.preventDefault(); });
    return button;
  }

  /* A toolbar for the editor `view`; `openLink` opens the link dialog. Returns
     {element, update(state)}; update is called after every change of the editor. */
  RichText.makeToolbar = function (view, labelText, openLink) {
    var schema = view.state.schema;
    var commands = RichText.commands(schema);
    var specs = [
      {label: "Bold", keys: "Control+B Meta+B", run: commands.bold,
       active: function (state) { return markActive(state, schema.marks.strong); }},
      {label: "Italic", keys: "Control+I Meta+I", run: commands.italic,
       active: function (state) { return markActive(state, schema.marks.em); }},
      {label: "Link", keys: "Control+K Meta+K", run: null,
       active: function (state) { return markActive(state, schema.marks.link); }},
      {label: "Inline code", keys: "Control+E Meta+E", run: commands.code,
       active: function (state) { return markActive(state, schema.marks.code); }},
      {label: "Bulleted list", keys: "Control+Shift+8 Meta+Shift+8", run: commands.bulletList,
       active: function (state) { return commands.inList(state, schema.nodes.bullet_list); }},
      {label: "Numbered list", keys: "Control+Shift+7 Meta+Shift+7", run: commands.numberedList,
       active: function (state) { return commands.inList(state, schema.nodes.ordered_list); }}
    ];
    var element = document.createElement("div");
    element.className = "rich-text-toolbar";
    element.setAttribute("role", "toolbar");
    element.setAttribute("aria-label", labelText + " formatting");
    var buttons = specs.map(function (spec, index) {
      var button = toolbarButton(spec);
      button.tabIndex = index === 0 ? 0 : -1;
      button.addEventListener("click", function () {
        if (spec.run) {
          spec.run(view.state, view.dispatch);
          view.focus();
        } else {
          openLink();
        }
      });
      element.appendChild(button);
      return button;
    });

    // One tab stop: arrows, Home and End move between the buttons.
    element.addEventListener("keydown", function (event) {
      var index = buttons.indexOf(document.activeElement);
      if (index < 0) return;
      var next = {ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1}[event.key];
      if (next === undefined) return;
      event.preventDefault();
      next = (next + buttons.length) % buttons.length;
      buttons[index].tabIndex = -1;
      buttons[next].tabIndex = 0;
      buttons[next].focus();
    });

    return {
      element: element,
      update: function (state) {
        specs.forEach(function (spec, index) {
          buttons[index].setAttribute("aria-pressed", spec.active(state) ? "true" : "false");
        });
      }
    };
  };
})();
