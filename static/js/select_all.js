/* "Select all" above a list of checkboxes (the moderation queue): ticks or clears every box
   named by its data-select-all, and follows them when they are ticked one by one. Without
   JavaScript it stays hidden and each box is ticked by hand. */
(function () {
  "use strict";

  document.querySelectorAll("input[data-select-all]").forEach(function (all) {
    var form = all.form;
    var boxes = form.querySelectorAll("input[type=checkbox][name='" + all.dataset.selectAll + "']");
    function follow() {
      var ticked = Array.prototype.filter.call(boxes, function (box) { return box.checked; });
      all.checked = ticked.length === boxes.length;
      all.indeterminate = ticked.length > 0 && ticked.length < boxes.length;
    }
    all.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
      follow();
    });
    boxes.forEach(function (box) { box.addEventListener("change", follow); });
    all.closest(".select-all").hidden = false;
  });
})();
