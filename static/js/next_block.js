/* The next block one key away: Enter at the end of a heading starts a Text block right
   below it, with the caret in it (POST /builder/blocks/<id>/after, placed after the heading's
   form). The heading itself is saved as focus leaves it (static/js/autosave.js). */
(function () {
  "use strict";
  if (!window.htmx) return;

  var FORMS = "form.builder-block.editing";

  function addAfter(form, type) {
    window.BlogBuilder.addBlock(form.dataset.afterUrl, {
      // The column, not the form, sends the request: only the chosen type is posted.
      source: form.parentElement,
      target: form,
      swap: "afterend",
      values: {type: type}
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.key !== "Enter" || event.shiftKey || event.isComposing) {
      return;
    }
    var field = event.target;
    var form = field.closest ? field.closest(FORMS) : null;
    if (!form || form.dataset.blockType !== "heading" || field.name !== "text") return;
    if (field.selectionStart !== field.value.length) return;  // Enter mid-heading: nothing
    event.preventDefault();
    addAfter(form, "text");
  });
})();
