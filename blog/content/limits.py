"""How long a page's details may be: the editor's form and the document import both ask here."""

TITLE_MAX = 200
SUMMARY_MAX = 500
TAG_MAX = 40
TAGS_MAX = 12
