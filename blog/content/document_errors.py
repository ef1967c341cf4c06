"""How a refused page document is reported: the JSON path of its first problem and what is
wrong there."""

JsonPath = tuple[str | int, ...]


class DocumentInvalid(ValueError):
    """A refused document. The message is the JSON path of the first problem and what is
    wrong there: `rows[3].columns[0][2].data.level: must be 2, 3 or 4`."""

    def __init__(self, path: JsonPath, problem: str) -> None:
        self.path, self.problem = json_path(path), problem
        super().__init__(f"{self.path}: {problem}")


def json_path(path: JsonPath) -> str:
    """("rows", 3, "columns", 0, 2) -> "rows[3].columns[0][2]"; () is "document"."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "document"
