/* Writes a paragraph's words and marks (bold, italic, links, inline code, line breaks) as
   Markdown that reads back to the same marks. Used by rich_text_markdown.js in place of
   prosemirror-markdown's own inline writer, which keeps a mark open in the order it was
   opened: where bold and italic cross (italic ends inside bold), it closes and reopens the
   mark that goes on, and the run of asterisks it writes ("a*****b") cannot be read back
   (CommonMark's "multiple of 3" rule), so words and marks were lost.

   Here the open marks are always nested by how far they reach: the one that goes on
   longest is outermost, so the mark that ends first is the one closed (and reopened inside
   when needed). Spaces at the edge of bold or italic move outside it (Markdown cannot write
   "* a*"), and a line break carries only the marks that go on after it (a mark closed at
   the start of a line cannot be read back). Exposes window.BlogRichText.writeInline. */
(function () {
  "use strict";

  var RichText = window.BlogRichText = window.BlogRichText || {};
  var EDGE_MARKS = {em: 1, strong: 1};

  // The node's marks that Markdown writes with delimiters around it (not code: a code span
  // is written whole, with its own backticks).
  function outerMarks(node) {
    return node.marks.filter(function (mark) { return mark.type.name !== "code"; });
  }

  function isCode(node) {
    return node.isText && node.marks.some(function (mark) { return mark.type.name === "code"; });
  }

  function common(marks, other) {
    return marks.filter(function (mark) {
      return !EDGE_MARKS[mark.type.name] || (other && mark.isInSet(other));
    });
  }

  /* The paragraph as pieces {text, code, isBreak, marks}: spaces at the edge of bold or
     italic split off with only the marks on both sides, line breaks before nothing dropped. */
  function piecesOf(parent) {
    var nodes = [];
    parent.forEach(function (node) { nodes.push(node); });
    var pieces = [];
    nodes.forEach(function (node, index) {
      var before = index > 0 ? outerMarks(nodes[index - 1]) : null;
      var after = index + 1 < nodes.length ? outerMarks(nodes[index + 1]) : null;
      var marks = outerMarks(node);
      if (!node.isText) {
        var more = nodes.slice(index + 1).some(function (next) {
          return next.isText && !!next.text.trim();
        });
        if (more) pieces.push({isBreak: true, marks: common(marks, after)});
        return;
      }
      if (isCode(node)) {
        pieces.push({text: node.text, code: true, marks: marks});
        return;
      }
      var parts = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text);
      if (parts[1]) pieces.push({text: parts[1], marks: common(marks, before)});
      if (parts[2]) pieces.push({text: parts[2], marks: marks});
      if (parts[3]) pieces.push({text: parts[3], marks: common(marks, after)});
    });
    return pieces;
  }

  // The index of the last piece of the run of `mark` that holds piece `from`.
  function reach(pieces, from, mark) {
    var last = from;
    while (last + 1 < pieces.length && mark.isInSet(pieces[last + 1].marks)) last += 1;
    return last;
  }

  // Marks to hold at piece `index`, outermost first: the one that goes on longest first; on
  // a tie, one already open stays outside, then the schema's order (links outermost).
  function nesting(pieces, index, open) {
    var marks = pieces[index].marks.slice();
    return marks.sort(function (a, b) {
      var further = reach(pieces, index, b) - reach(pieces, index, a);
      if (further) return further;
      var openA = open.indexOf(a), openB = open.indexOf(b);
      if (openA >= 0 && openB >= 0) return openA - openB;
      if (openA >= 0 || openB >= 0) return openA >= 0 ? -1 : 1;
      return a.type.rank - b.type.rank;
    });
  }

  // Marks to hold over a piece of spaces: those open that stay open after it. A mark closed
  // or reopened next is closed before the spaces (a closing "*" after a space is no
  // closing); none is opened for spaces alone.
  function spaceNesting(pieces, index, open) {
    var next = index + 1 < pieces.length ? nesting(pieces, index + 1, open) : [];
    var keep = 0;
    while (keep < open.length && keep < next.length && open[keep].eq(next[keep]) &&
           open[keep].isInSet(pieces[index].marks)) keep += 1;
    return open.slice(0, keep);
  }

  function delimiter(mark, opening) {
    var name = mark.type.name;
    if (name === "em") return "*";
    if (name === "strong") return "**";
    if (opening) return "[";
    var title = mark.attrs.title ? ' "' + mark.attrs.title.replace(/"/g, '\\"') + '"' : "";
    return "](" + mark.attrs.href.replace(/[()"]/g, "\\$&") + title + ")";
  }

  // A code span: fenced by one backtick more than the longest run inside it, padded with a
  // space where the content touches a backtick.
  function codeSpan(text) {
    var longest = 0;
    (text.match(/`+/g) || []).forEach(function (run) { longest = Math.max(longest, run.length); });
    var fence = new Array(longest + 2).join("`");
    var pad = longest ? " " : "";
    return fence + pad + text + pad + fence;
  }

  // Escaped text; a line after a line break is escaped as a line start ("- " is no list).
  function escaped(state, text, lineStart) {
    return text.split("\n").map(function (line, index) {
      return state.esc(line, lineStart || index > 0);
    }).join("\n");
  }

  /* Write the inline content of `parent` (a paragraph) into the serializer's state. */
  RichText.writeInline = function (state, parent) {
    var pieces = piecesOf(parent);
    var open = [];
    var lineStart = true;
    pieces.concat([{marks: []}]).forEach(function (piece, index) {
      var wanted = index < pieces.length ? nesting(pieces, index, open) : [];
      if (piece.text && !piece.code && !piece.text.trim()) {
        wanted = spaceNesting(pieces, index, open);
      }
      var keep = 0;
      while (keep < open.length && keep < wanted.length && open[keep].eq(wanted[keep])) keep += 1;
      while (open.length > keep) state.text(delimiter(open.pop(), false), false);
      if (index === pieces.length) return;
      while (open.length < wanted.length) {
        var mark = wanted[open.length];
        open.push(mark);
        // Written as text: a "[" after "!" gets the "!" escaped (else it reads as an image).
        state.text(delimiter(mark, true), false);
        lineStart = false;
      }
      if (piece.isBreak) {
        state.write("\\\n");
        lineStart = true;
      } else {
        state.text(piece.code ? codeSpan(piece.text) : escaped(state, piece.text, lineStart), false);
        lineStart = false;
      }
    });
  };
})();
