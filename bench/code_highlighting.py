"""The worst time to render one code block: repeated-pattern inputs at the maximum code length,
in every offered language (the inputs that make some lexers take quadratic time)."""

import time

from blog.content.blocks import code

TARGET_MS = 100
# Single characters, line and tab runs, and the quote and backslash runs that open strings
# and escapes no lexer sees closed.
PATTERNS = (
    "a", " ", "'", '"', "`", "\\", "<", ">", "/", "*", "#", "-", "{", "(", "[", "$", "=", ";",
    "a\n", "\t", "\n", "'\\", '"\\', "\\'", '\\"', "`\\", "/*", "<!--", "<a ", "&#", "${",
    "0x", "1e", "r'", '"""', "'''", "--", "# ", "- ", ": ",
)  # fmt: skip


def render_ms(source: str, language: str) -> float:
    """One first-time render of the block, in milliseconds (nothing remembered)."""
    code._too_costly.clear()
    started = time.perf_counter()
    code.code_html(source, language)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    started = time.perf_counter()
    code.prepare_lexers()  # as the app does when it starts
    print(
        f"Lexers compiled once when the app starts: {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    print(
        f"Code highlighting, {len(PATTERNS)} repeated patterns at {code.CODE_MAX_LENGTH:,}"
        f" characters (budget {code.HIGHLIGHT_BUDGET_SECONDS * 1000:g} ms):"
    )
    worst = (0.0, "", "")
    for language, label in code.OFFERED_LANGUAGES:
        timings = {}
        for pattern in PATTERNS:
            source = (pattern * (code.CODE_MAX_LENGTH // len(pattern) + 1))[: code.CODE_MAX_LENGTH]
            timings[pattern] = render_ms(source, language)
        pattern, slowest = max(timings.items(), key=lambda item: item[1])
        worst = max(worst, (slowest, label, pattern))
        print(f"  {label:<11} worst {slowest:7.1f} ms on {pattern!r}")
    slowest, label, pattern = worst
    verdict = "within" if slowest < TARGET_MS else "OVER"
    print(f"Worst: {slowest:.1f} ms ({label}, {pattern!r}), {verdict} the {TARGET_MS} ms target")
