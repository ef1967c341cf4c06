"""`python -m bench`: run every benchmark and print its figures."""

from bench import article_view, block_save

if __name__ == "__main__":
    block_save.main()
    article_view.main()
