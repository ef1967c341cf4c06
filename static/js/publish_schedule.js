/* "Publish at" in the browser's time zone. The server stores and shows times in UTC, and
   reads the form's time in the zone it is sent with (UTC without JavaScript). Here the form
   sends the browser's zone and says which; a time already chosen is shown in it, and
   "Scheduled for" reads in local time (its <time datetime> keeps the UTC instant). Run
   again on content htmx swaps in (the page actions are refreshed after draft changes). */
(function () {
  "use strict";

  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  function twoDigits(number) { return (number < 10 ? "0" : "") + number; }

  // A Date as a datetime-local value in the browser's zone: "2026-12-01T09:30".
  function localValue(moment) {
    return moment.getFullYear() + "-" + twoDigits(moment.getMonth() + 1) + "-" +
      twoDigits(moment.getDate()) + "T" + twoDigits(moment.getHours()) + ":" +
      twoDigits(moment.getMinutes());
  }

  function localise(root) {
    if (!zone) { return; }  // the browser does not say its zone: stay in UTC
    root.querySelectorAll("input[data-browser-zone]").forEach(function (field) {
      field.value = zone;
    });
    root.querySelectorAll("[data-zone-name]").forEach(function (name) {
      name.textContent = zone + " (your browser's)";
    });
    root.querySelectorAll("input[data-utc-value]").forEach(function (field) {
      if (field.value && !field.dataset.shownLocal) {
        field.value = localValue(new Date(field.value + ":00Z"));
      }
      field.dataset.shownLocal = "yes";
    });
    root.querySelectorAll("time[data-local-time]").forEach(function (time) {
      var moment = new Date(time.getAttribute("datetime"));
      time.title = time.dataset.utc || time.textContent;
      time.dataset.utc = time.title;
      time.textContent = moment.toLocaleString(undefined, {
        dateStyle: "medium", timeStyle: "short"
      }) + " (" + zone + ")";
    });
  }

  localise(document);
  document.addEventListener("htmx:load", function (event) { localise(event.target); });
})();
