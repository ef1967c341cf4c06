"""Harness code the tests share: servers, clusters, page builders, corpora and steps."""
