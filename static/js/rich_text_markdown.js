/* The rich-text editor's document model: a schema limited to what a Text block may hold
   (paragraphs, bulleted and numbered lists, line breaks; bold, italic, inline code and
   links to http, https, mailto or this site), and its Markdown parser and serializer from
   prosemirror-markdown. The serializer's output is the canonical Markdown that is stored.
   Exposes window.BlogRichText.{schema, safeHref, parseMarkdown, serializeMarkdown,
   unsupportedIn}; used by rich_text.js and by the round-trip tests. */
(function () {
  "use strict";

  var PM = window.ProseMirrorBundle;
  var RichText = window.BlogRichText = window.BlogRichText || {};

  // Characters a browser skips or reinterprets inside an address ("java\tscript:"), and
  // quotes and angle brackets: a real address never needs them unencoded.
  var HIDING = /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\\"<>]/;
  var SCHEME = /^([a-z][a-z0-9+.\-]*):/i;

  /* The address itself when a link may point there: http(s) with a host, mailto with an
     address, or a path on this site ("/about", "#notes"); null for anything else, such as
     javascript:, data: or the protocol-relative "//elsewhere". The server applies the same
     rule (blog/content/blocks/text_links.py). */
  function safeHref(href) {
    var address = String(href == null ? "" : href).trim();
    if (!address || HIDING.test(address) || address.indexOf("//") === 0) return null;
    var scheme = SCHEME.exec(address);
    if (!scheme) return address;
    var name = scheme[1].toLowerCase();
    if (name === "http" || name === "https") {
      return /^https?:\/\/[^\/?#@]+/i.test(address) ? address : null;
    }
    return name === "mailto" && address.length > 7 ? address : null;
  }

  function listIsTight(tokens, index) {
    for (var i = index + 1; i < tokens.length; i++) {
      if (tokens[i].type !== "list_item_open") return tokens[i].hidden;
    }
    return false;
  }

  var schema = new PM.Schema({
    nodes: {
      doc: {content: "block+"},
      paragraph: {
        content: "inline*", group: "block",
        parseDOM: [{tag: "p"}],
        toDOM: function () { return ["p", 0]; }
      },
      bullet_list: {
        content: "list_item+", group: "block", attrs: {tight: {default: true}},
        parseDOM: [{tag: "ul"}],
        toDOM: function (node) { return ["ul", {"class": node.attrs.tight ? "tight" : null}, 0]; }
      },
      ordered_list: {
        content: "list_item+", group: "block",
        attrs: {order: {default: 1}, tight: {default: true}},
        parseDOM: [{tag: "ol", getAttrs: function (dom) {
          var start = parseInt(dom.getAttribute("start") || "1", 10);
          return {order: isNaN(start) || start < 0 ? 1 : start};
        }}],
        toDOM: function (node) {
          return ["ol", {
            start: node.attrs.order === 1 ? null : node.attrs.order,
            "class": node.attrs.tight ? "tight" : null
          }, 0];
        }
      },
      list_item: {
        content: "paragraph block*", defining: true,
        parseDOM: [{tag: "li"}],
        toDOM: function () { return ["li", 0]; }
      },
      text: {group: "inline"},
      hard_break: {
        inline: true, group: "inline", selectable: false,
        parseDOM: [{tag: "br"}],
        toDOM: function () { return ["br"]; }
      }
    },
    marks: {
      link: {
        attrs: {href: {}, title: {default: null}}, inclusive: false,
        parseDOM: [{tag: "a[href]", getAttrs: function (dom) {
          var href = safeHref(dom.getAttribute("href"));
          return href ? {href: href, title: dom.getAttribute("title")} : false;
        }}],
        toDOM: function (mark) {
          return ["a", {href: mark.attrs.href, title: mark.attrs.title,
                        rel: "noopener noreferrer nofollow"}, 0];
        }
      },
      em: {
        parseDOM: [{tag: "i"}, {tag: "em"}],
        toDOM: function () { return ["em", 0]; }
      },
      strong: {
        parseDOM: [{tag: "strong"}, {tag: "b"}],
        toDOM: function () { return ["strong", 0]; }
      },
      code: {
        code: true,
        parseDOM: [{tag: "code"}],
        toDOM: function () { return ["code", 0]; }
      }
    }
  });

  // CommonMark without raw HTML, as the server renders it.
  var markdownIt = PM.MarkdownIt("commonmark", {html: false});

  var SUPPORTED = {
    paragraph_open: 1, paragraph_close: 1, bullet_list_open: 1, bullet_list_close: 1,
    ordered_list_open: 1, ordered_list_close: 1, list_item_open: 1, list_item_close: 1,
    inline: 1, text: 1, softbreak: 1, hardbreak: 1, strong_open: 1, strong_close: 1,
    em_open: 1, em_close: 1, link_open: 1, link_close: 1, code_inline: 1
  };
  var NAMES = {
    heading_open: "headings", blockquote_open: "block quotes", code_block: "code blocks",
    fence: "code blocks", hr: "horizontal rules", image: "images"
  };

  /* What this Markdown holds that the editor cannot show, in words ("headings", ...): such
     text stays in the Markdown field, so nothing stored is lost by editing it. */
  function unsupportedIn(markdown) {
    var found = [];
    function visit(tokens) {
      tokens.forEach(function (token) {
        if (!SUPPORTED[token.type]) {
          var name = NAMES[token.type] || token.type.replace(/_open$/, "");
          if (found.indexOf(name) < 0) found.push(name);
        }
        if (token.children) visit(token.children);
      });
    }
    visit(markdownIt.parse(markdown, {}));
    return found;
  }

  // A link to an address the schema refuses keeps its words and loses the link. A code
  // span of spaces only is plain spaces (the serializer cannot write it back as code).
  function withoutUnsafeLinks(tokens) {
    tokens.forEach(function (token) {
      if (!token.children) return;
      var dropping = false;
      token.children.forEach(function (child) {
        if (child.type === "code_inline" && !child.content.trim()) child.type = "text";
      });
      token.children = token.children.filter(function (child) {
        if (child.type === "link_open" && !safeHref(child.attrGet("href"))) {
          dropping = true;
          return false;
        }
        if (child.type === "link_close" && dropping) {
          dropping = false;
          return false;
        }
        return true;
      });
    });
    return tokens;
  }

  var parser = new PM.MarkdownParser(schema, {
    parse: function (text, env) { return withoutUnsafeLinks(markdownIt.parse(text, env || {})); }
  }, {
    paragraph: {block: "paragraph"},
    list_item: {block: "list_item"},
    bullet_list: {block: "bullet_list", getAttrs: function (token, tokens, index) {
      return {tight: listIsTight(tokens, index)};
    }},
    ordered_list: {block: "ordered_list", getAttrs: function (token, tokens, index) {
      return {order: Number(token.attrGet("start")) || 1, tight: listIsTight(tokens, index)};
    }},
    hardbreak: {node: "hard_break"},
    em: {mark: "em"},
    strong: {mark: "strong"},
    link: {mark: "link", getAttrs: function (token) {
      return {href: token.attrGet("href"), title: token.attrGet("title") || null};
    }},
    code_inline: {mark: "code", noCloseToken: true}
  });

  var stock = PM.defaultMarkdownSerializer;
  // A paragraph's words and marks are written by rich_text_inline.js, which keeps crossing
  // bold and italic readable; line breaks are written there too.
  function serializerFor(paragraph) {
    return new PM.MarkdownSerializer({
      paragraph: paragraph,
      bullet_list: stock.nodes.bullet_list,
      ordered_list: stock.nodes.ordered_list,
      list_item: stock.nodes.list_item
    }, {});
  }
  var asWritten = serializerFor(function (state, node) {
    RichText.writeInline(state, node);
    state.closeBlock(node);
  });

  function words(doc) {
    return doc.textBetween(0, doc.content.size, " ", " ").trim().split(/\s+/).join(" ");
  }

  function withoutMarks(paragraph, names) {
    var content = [];
    paragraph.forEach(function (child) {
      content.push(child.mark(child.marks.filter(function (mark) {
        return names.indexOf(mark.type.name) < 0;
      })));
    });
    return paragraph.copy(PM.Fragment.fromArray(content));
  }

  /* The paragraph, or where Markdown cannot write its bold and italic so that they read
     back (they cross with no space between: "*b***c*d**"), the paragraph with fewer of
     them: its words are never lost to asterisks read back as text. */
  function readable(paragraph) {
    var tries = [[], ["em"], ["strong"], ["em", "strong"]];
    for (var i = 0; i < tries.length; i++) {
      var candidate = i ? withoutMarks(paragraph, tries[i]) : paragraph;
      var alone = schema.node("doc", null, [candidate]);
      if (words(parser.parse(asWritten.serialize(alone))) === words(alone)) return candidate;
    }
    return paragraph;
  }

  var serializer = serializerFor(function (state, node) {
    RichText.writeInline(state, readable(node));
    state.closeBlock(node);
  });

  RichText.schema = schema;
  RichText.safeHref = safeHref;
  RichText.unsupportedIn = unsupportedIn;
  /* The document for this Markdown (an empty paragraph for none). */
  RichText.parseMarkdown = function (markdown) {
    return parser.parse(markdown || "") || schema.node("doc", null, [schema.node("paragraph")]);
  };
  function written(doc) {
    // Trimmed as the server trims a posted field: blank lines before, whitespace after.
    return serializer.serialize(doc, {tightLists: false})
      .replace(/^(?:[ \t]*\n)+/, "").replace(/\s+$/, "");
  }

  /* The canonical Markdown of a document. Written, read back and written again: spaces
     Markdown cannot hold (after a line break, at a paragraph's end) are settled by the
     first writing, so the stored text reads back to the same text. */
  RichText.serializeMarkdown = function (doc) {
    return written(RichText.parseMarkdown(written(doc)));
  };
})();
