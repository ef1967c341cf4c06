/* Rich text where it is read: a Text block's edit form shows a ProseMirror editor in the
   article's typography, with a formatting toolbar, instead of its Markdown textarea.

   The textarea stays the form's field and the one source of truth: after every change the
   editor writes its canonical Markdown there and fires a bubbling "input" event, so Save,
   autosave (autosave.js) and the server see the same value as without this file. Saving
   is not done here. Without JavaScript, or for Markdown the editor cannot show (headings,
   code blocks, quotes, images), the textarea form is used as it is. */
(function () {
  "use strict";

  var PM = window.ProseMirrorBundle;
  var RichText = window.BlogRichText;
  if (!PM || !RichText || !window.htmx) return;

  var editors = 0;
  // Each editor's view by its editable element: the inserter ("/") and the arrow keys
  // between blocks (block_inserter.js, caret_between_blocks.js) ask for it.
  var views = new WeakMap();

  /* The rich-text view an element is in, or null. */
  RichText.viewOf = function (element) {
    var editable = element && element.closest ? element.closest(".rich-text-content") : null;
    return editable ? views.get(editable) || null : null;
  };

  function keys(schema, commands, openLink) {
    var hardBreak = PM.chainCommands(PM.exitCode, function (state, dispatch) {
      if (dispatch) {
        dispatch(state.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
      }
      return true;
    });
    return PM.keymap({
      "Mod-b": commands.bold,
      "Mod-i": commands.italic,
      "Mod-e": commands.code,
      "Mod-k": function () { return openLink(); },
      "Shift-Mod-8": commands.bulletList,
      "Shift-Mod-7": commands.numberedList,
      "Mod-z": PM.undo,
      "Shift-Mod-z": PM.redo,
      "Mod-y": PM.redo,
      "Shift-Enter": hardBreak,
      "Enter": PM.splitListItem(schema.nodes.list_item),
      "Mod-]": PM.sinkListItem(schema.nodes.list_item),
      "Mod-[": PM.liftListItem(schema.nodes.list_item)
    });
  }

  // Why the editor is not offered for this text, said under the field.
  function explainMarkdownOnly(textarea, unsupported) {
    var note = document.createElement("span");
    note.className = "field-help rich-text-note";
    note.textContent = "This text uses Markdown the formatting toolbar cannot show (" +
      unsupported.join(", ") + "), so it is edited as Markdown.";
    textarea.after(note);
  }

  /* Replace this Text block's Markdown textarea by a rich-text editor. */
  function mount(textarea) {
    if (textarea.dataset.richText) return;
    textarea.dataset.richText = "mounted";
    var unsupported = RichText.unsupportedIn(textarea.value);
    if (unsupported.length) {
      explainMarkdownOnly(textarea, unsupported);
      return;
    }
    var label = document.querySelector("label[for='" + textarea.id + "']");
    var idBase = (textarea.id || "rich-text-" + (++editors));
    var holder = document.createElement("div");
    holder.className = "rich-text";
    var schema = RichText.schema;
    var toolbar = null;
    var link = null;
    var openLink = function () { return link.open(); };
    var state = PM.EditorState.create({
      doc: RichText.parseMarkdown(textarea.value),
      plugins: [keys(schema, RichText.commands(schema), openLink), PM.keymap(PM.baseKeymap), PM.history()]
    });
    var attributes = {
      "class": "block block-text rich-text-content",
      "aria-multiline": "true",
      role: "textbox",
      id: idBase + "-rich"
    };
    if (label) {
      label.id = label.id || idBase + "-label";
      attributes["aria-labelledby"] = label.id;
    } else {
      attributes["aria-label"] = "Text";
    }
    ["aria-describedby", "aria-invalid"].forEach(function (name) {
      if (textarea.hasAttribute(name)) attributes[name] = textarea.getAttribute(name);
    });
    var view = new PM.EditorView(holder, {
      state: state,
      attributes: attributes,
      transformPastedHTML: RichText.cleanPastedHTML,
      // Esc belongs to the builder, where it leaves the block (static/js/autosave.js):
      // ProseMirror would otherwise swallow it (it prevents the default of every Esc).
      handleDOMEvents: {
        keydown: function (_view, event) { return event.key === "Escape"; }
      },
      dispatchTransaction: function (transaction) {
        view.updateState(view.state.apply(transaction));
        if (transaction.docChanged) {
          textarea.value = RichText.serializeMarkdown(view.state.doc);
          textarea.dispatchEvent(new Event("input", {bubbles: true}));
        }
        if (toolbar) toolbar.update(view.state);
      }
    });
    views.set(view.dom, view);
    link = RichText.makeLinkDialog(view, idBase);
    toolbar = RichText.makeToolbar(view, label ? label.textContent.trim() : "Text", openLink);
    toolbar.update(view.state);
    holder.prepend(toolbar.element);
    holder.append(link.element);
    textarea.after(holder);
    textarea.hidden = true;
    // The Markdown hints under the field are about the textarea; the toolbar replaces them.
    var help = textarea.parentElement.querySelector(".field-help");
    if (help) help.hidden = true;
    if (label) {
      label.removeAttribute("for");
      label.addEventListener("click", function () { view.focus(); });
    }
    if (textarea.hasAttribute("autofocus") || document.activeElement === textarea) view.focus();
    textarea.addEventListener("focus", function () { view.focus(); });
  }

  htmx.onLoad(function (content) {
    if (!content.querySelectorAll) return;
    var fields = Array.prototype.slice.call(content.querySelectorAll("textarea[name='markdown']"));
    if (content.matches && content.matches("textarea[name='markdown']")) fields.push(content);
    fields.forEach(mount);
  });
})();
