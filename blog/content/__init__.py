"""The content model, below every feature package: block types, layout operations, the page
document (export, checks, import), page limits, tags and rendering.

It imports models and the small helpers only, never blog.builder, blog.public, blog.admin or
blog.publishing (an import-linter contract in setup.cfg holds it to that).
"""
