/* Pasted HTML made plain before the editor reads it: bold, italic, inline code, links (to
   allowed addresses), lists, paragraphs and line breaks are kept; styles, classes, ids,
   images, tables' layout, Word's mso- markup and Google Docs' wrappers are dropped.
   Exposes window.BlogRichText.cleanPastedHTML(html) -> html, used as ProseMirror's
   transformPastedHTML.

   Why it reads style attributes as text: under the site's CSP (style-src 'self') Chromium
   blanks every parsed style attribute and reports a violation for each, even in a scratch
   document. So <style> elements are cut and style attributes renamed in the HTML text
   before any parsing; bold and italic are then read from the renamed attribute's text. */
(function () {
  "use strict";

  var RichText = window.BlogRichText = window.BlogRichText || {};
  var STYLE_NAME = "data-pasted-style";
  var STYLE_ELEMENTS = /<style\b[^>]*>[\s\S]*?(<\/style\s*>|$)/gi;
  // A start tag, with quoted attribute values kept whole (a ">" inside quotes is no end).
  var START_TAG = /<[a-zA-Z][^\s>\/]*(?:[^>"']|"[^"]*"|'[^']*')*>/g;
  var TAG_PARTS = /"[^"]*"|'[^']*'|[^"']+/g;

  var DROPPED = {
    script: 1, style: 1, template: 1, iframe: 1, object: 1, embed: 1, noscript: 1, head: 1,
    title: 1, meta: 1, link: 1, svg: 1, math: 1, img: 1, picture: 1, video: 1, audio: 1,
    canvas: 1, button: 1, input: 1, select: 1, textarea: 1, form: 1
  };
  var PARAGRAPHS = {
    p: 1, div: 1, h1: 1, h2: 1, h3: 1, h4: 1, h5: 1, h6: 1, pre: 1, blockquote: 1, td: 1,
    th: 1, dt: 1, dd: 1, figcaption: 1, address: 1, section: 1, article: 1, header: 1,
    footer: 1, aside: 1, main: 1, nav: 1, figure: 1, caption: 1
  };
  var BLOCK_INSIDE = "p, div, ul, ol, li, table, h1, h2, h3, h4, h5, h6, blockquote, pre, " +
    "section, article, header, footer, aside, main, nav, figure, dl";

  /* The HTML with <style> elements cut and every style and event handler attribute
     renamed, so that parsing it applies (and reports) no inline style or script. */
  function withoutInlineStyles(html) {
    return html.replace(STYLE_ELEMENTS, "").replace(START_TAG, function (tag) {
      return tag.replace(TAG_PARTS, function (part) {
        if (part.charAt(0) === "\"" || part.charAt(0) === "'") return part;
        // An attribute starts after a space, a slash, or straight after a quoted value.
        return part.replace(/(^|[\s\/])style(?=\s*=)/gi, "$1" + STYLE_NAME)
          .replace(/(^|[\s\/])on([a-z]+)(?=\s*=)/gi, "$1data-pasted-on$2");
      });
    });
  }

  /* The declarations of an element's (renamed) style attribute: {"font-weight": "700"}. */
  function declarations(element) {
    var found = {};
    (element.getAttribute(STYLE_NAME) || "").split(";").forEach(function (pair) {
      var colon = pair.indexOf(":");
      if (colon < 0) return;
      var name = pair.slice(0, colon).trim().toLowerCase();
      found[name] = pair.slice(colon + 1).trim().toLowerCase().replace(/\s*!important$/, "");
    });
    return found;
  }

  function isBold(weight) {
    if (weight === "bold" || weight === "bolder") return true;
    var number = parseInt(weight, 10);
    return !isNaN(number) && number >= 500;
  }

  function isItalic(style) { return /^(italic|oblique)/.test(style || ""); }

  function wrap(document, name, nodes) {
    var element = document.createElement(name);
    nodes.forEach(function (node) { element.appendChild(node); });
    return element;
  }

  // --- Word: list items are paragraphs marked "mso-list: l0 level1 lfo1" -------------------

  function wordListLevel(node) {
    if (node.nodeType !== 1) return 0;
    var list = declarations(node)["mso-list"];
    if (!list || /ignore/.test(list)) return 0;
    var level = /level(\d+)/.exec(list);
    return level ? parseInt(level[1], 10) : 1;
  }

  // Which of the document's lists ("l0", "l1") a Word list paragraph belongs to.
  function wordListId(node) {
    var id = /\b(l\d+)\b/.exec(declarations(node)["mso-list"] || "");
    return id ? id[1] : "";
  }

  // The bullet or number Word writes before the item's text, inside "mso-list: Ignore".
  function takeWordMarker(paragraph) {
    var marker = "";
    paragraph.querySelectorAll("[" + STYLE_NAME + "]").forEach(function (element) {
      if (/ignore/.test(declarations(element)["mso-list"] || "")) {
        marker += element.textContent;
        element.remove();
      }
    });
    return marker.replace(/\u00a0/g, " ").trim();
  }

  /* Consecutive Word list paragraphs, from index on, rebuilt as nested <ul>/<ol>. Returns
     the list and the index after the run. */
  function wordList(document, nodes, index, clean) {
    var stack = [];
    var i = index;
    for (; i < nodes.length; i++) {
      var node = nodes[i];
      if (node.nodeType !== 1 && !(node.nodeType === 3 && !node.data.trim())) {
        if (node.nodeType === 8) continue;
        break;
      }
      if (node.nodeType === 3) continue;
      var level = wordListLevel(node);
      if (!level || wordListId(node) !== wordListId(nodes[index])) break;
      var ordered = /^(\d+|[a-z]{1,4})[.)]$/i.test(takeWordMarker(node));
      while (stack.length > level) stack.pop();
      while (stack.length < level) {
        var list = document.createElement(ordered ? "ol" : "ul");
        if (stack.length) {
          var parent = stack[stack.length - 1];
          (parent.lastElementChild || parent.appendChild(document.createElement("li"))).appendChild(list);
        }
        stack.push(list);
      }
      var item = document.createElement("li");
      item.appendChild(wrap(document, "p", clean(node.childNodes)));
      stack[stack.length - 1].appendChild(item);
    }
    return {list: stack[0], next: i};
  }

  // --- The walk: a clean copy of each node -----------------------------------------------

  function cleanNodes(document, nodes) {
    var out = [];
    var list = Array.prototype.slice.call(nodes);
    for (var i = 0; i < list.length; i++) {
      if (wordListLevel(list[i])) {
        var rebuilt = wordList(document, list, i, function (children) {
          return cleanNodes(document, children);
        });
        out.push(rebuilt.list);
        i = rebuilt.next - 1;
        continue;
      }
      out = out.concat(cleanNode(document, list[i]));
    }
    return out;
  }

  function cleanElement(document, element, children) {
    var name = element.localName;
    var style = declarations(element);
    if (name === "br") return [document.createElement("br")];
    if (name === "ul" || name === "ol" || name === "li") {
      var kept = wrap(document, name, children());
      var start = name === "ol" && parseInt(element.getAttribute("start") || "", 10);
      if (start && start > 0) kept.setAttribute("start", String(start));
      return [kept];
    }
    if (name === "a") {
      var href = window.BlogRichText.safeHref(element.getAttribute("href"));
      if (!href) return children();
      var link = wrap(document, "a", children());
      link.setAttribute("href", href);
      return [link];
    }
    if (name === "code" || name === "kbd" || name === "samp" || name === "tt") {
      return [wrap(document, "code", children())];
    }
    var nodes = children();
    var bold = name === "b" || name === "strong" ? !("font-weight" in style) ||
      isBold(style["font-weight"]) : isBold(style["font-weight"]);
    var italic = name === "i" || name === "em" ? !("font-style" in style) ||
      isItalic(style["font-style"]) : isItalic(style["font-style"]);
    if (italic) nodes = [wrap(document, "em", nodes)];
    if (bold) nodes = [wrap(document, "strong", nodes)];
    if (PARAGRAPHS[name] && !element.querySelector(BLOCK_INSIDE)) {
      return [wrap(document, "p", nodes)];
    }
    return nodes;
  }

  function cleanNode(document, node) {
    if (node.nodeType === 3) return [document.createTextNode(node.data)];
    if (node.nodeType !== 1 || DROPPED[node.localName]) return [];
    return cleanElement(document, node, function () {
      return cleanNodes(document, node.childNodes);
    });
  }

  /* The pasted HTML reduced to what a Text block can hold. */
  RichText.cleanPastedHTML = function (html) {
    var parsed = new DOMParser().parseFromString(withoutInlineStyles(html), "text/html");
    var clean = parsed.createElement("div");
    cleanNodes(parsed, parsed.body.childNodes).forEach(function (node) { clean.appendChild(node); });
    // ProseMirror marks its own copies with data-pm-slice; keep it so they paste as copied.
    var slice = parsed.querySelector("[data-pm-slice]");
    if (slice && clean.firstElementChild) {
      clean.firstElementChild.setAttribute("data-pm-slice", slice.getAttribute("data-pm-slice"));
    }
    return clean.innerHTML;
  };
  RichText.withoutInlineStyles = withoutInlineStyles;
})();
