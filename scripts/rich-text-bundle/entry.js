// The one global the bundle exposes (window.ProseMirrorBundle): only what
// static/js/rich_text.js uses. Built by scripts/rich-text-bundle/build.sh.
export { Schema, DOMParser, DOMSerializer, Fragment, Slice } from "prosemirror-model";
export { EditorState, Plugin, TextSelection } from "prosemirror-state";
export { EditorView } from "prosemirror-view";
export { baseKeymap, toggleMark, chainCommands, exitCode } from "prosemirror-commands";
export { keymap } from "prosemirror-keymap";
export { history, undo, redo } from "prosemirror-history";
export { wrapInList, splitListItem, liftListItem, sinkListItem } from "prosemirror-schema-list";
export { MarkdownParser, MarkdownSerializer, defaultMarkdownSerializer } from "prosemirror-markdown";
export { default as MarkdownIt } from "markdown-it";
