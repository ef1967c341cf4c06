"""`python -m bench`: run every benchmark and print its figures."""

from bench import (
    block_save,
    code_highlighting,
    editor_open,
    history,
    image_upload,
    public_pages,
)

if __name__ == "__main__":
    code_highlighting.main()
    image_upload.main()
    block_save.main()
    editor_open.main()
    history.main()
    public_pages.main()
