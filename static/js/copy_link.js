/* "Copy link" beside a read-only field (a one-time password link): copies the field's text
   and says so in the status next to it. Without JavaScript the button stays hidden and the
   field's text can be selected and copied by hand. */
(function () {
  "use strict";

  function copy(button) {
    var field = document.getElementById(button.dataset.copy);
    var status = document.getElementById("copy-status");
    field.select();
    function said(words) { status.textContent = words; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(
        function () { said("Link copied."); },
        function () { said("Copying was refused: the link is selected, press Ctrl+C."); }
      );
    } else {
      said(document.execCommand("copy") ? "Link copied." : "The link is selected: press Ctrl+C.");
    }
  }

  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { copy(button); });
  });
})();
