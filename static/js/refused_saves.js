/* What a refused save of an open block form leaves in it (used by autosave.js): the field
   messages of a 422 placed under their fields, without replacing the form, so nothing typed
   meanwhile is lost; and, for a 409, the conflict form the server sent carrying what was
   typed while the request was under way. Exposes window.BlogBuilder.refusedSaves. */
(function () {
  "use strict";

  var Builder = window.BlogBuilder = window.BlogBuilder || {};

  function parsed(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content;
  }

  function clearFieldMessages(form) {
    form.querySelectorAll(".field-error[id]").forEach(function (message) {
      var field = document.getElementById(message.id.replace(/-error$/, ""));
      if (field) {
        field.removeAttribute("aria-invalid");
        field.removeAttribute("aria-describedby");
      }
      message.remove();
    });
  }

  // The answer's messages, each under its field in the open form.
  function showFieldMessages(form, html) {
    clearFieldMessages(form);
    parsed(html).querySelectorAll(".field-error[id]").forEach(function (message) {
      var field = document.getElementById(message.id.replace(/-error$/, ""));
      if (!field || !form.contains(field)) return;
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", message.id);
      (field.closest(".field") || form).appendChild(message);
    });
  }

  // The answer's HTML with the open form's typed values in its fields.
  function withTypedValues(html, form) {
    var content = parsed(html);
    form.querySelectorAll("textarea[id], input[id]:not([type=file]):not([type=hidden])")
      .forEach(function (field) {
        var copy = content.getElementById(field.id);
        if (!copy) return;
        if (copy.tagName === "TEXTAREA") copy.textContent = field.value;
        else if (copy.type === "checkbox") copy.toggleAttribute("checked", field.checked);
        else copy.setAttribute("value", field.value);
      });
    var holder = document.createElement("div");
    holder.appendChild(content);
    return holder.innerHTML;
  }

  Builder.refusedSaves = {
    showFieldMessages: showFieldMessages,
    clearFieldMessages: clearFieldMessages,
    withTypedValues: withTypedValues
  };
})();
