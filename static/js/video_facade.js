/* Videos on readers' pages: each embed block is a box with a link to the video, so nothing is
   fetched from YouTube or Vimeo for a reader who never plays it. This script shows the box's
   "Play video on …" button; pressing it puts the provider's privacy-enhanced player in the
   box and starts it. The link stays below the player, for when it cannot load. */
(function () {
  "use strict";

  function play(facade) {
    var player = document.createElement("iframe");
    // autoplay: the reader already pressed Play once; the player should not ask again.
    player.src = facade.dataset.player + (facade.dataset.player.indexOf("?") < 0 ? "?" : "&") + "autoplay=1";
    player.title = facade.dataset.title;
    player.allow = "autoplay; fullscreen; picture-in-picture";
    player.allowFullscreen = true;
    player.referrerPolicy = "strict-origin-when-cross-origin";
    player.setAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
    var box = facade.querySelector(".video-facade-box");
    var link = facade.querySelector(".video-link");
    facade.insertBefore(player, box);
    facade.classList.add("video-playing");
    // The link moves below the player; the rest of the box goes.
    if (link) facade.parentNode.insertBefore(link, facade.nextSibling);
    box.remove();
    player.focus();
  }

  document.querySelectorAll(".video-facade").forEach(function (facade) {
    var button = facade.querySelector(".video-play");
    var note = facade.querySelector(".video-privacy");
    if (!button) return;
    button.hidden = false;
    if (note) note.hidden = false;
    button.addEventListener("click", function () { play(facade); });
  });
})();
