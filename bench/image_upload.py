"""The cost of the worst images an upload accepts: CPU time and memory of storing each one
(decode, re-encode, variants), in a process of its own, beside the same process doing nothing.

The worst accepted images have as many pixels as the limit allows while their files stay
small: a flat PNG with transparency, a JPEG and a WebP of a smooth gradient, a GIF, and the
longest strip the limit allows.
"""

import io
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

from blog import media

TARGET_SECONDS = 2.0
TARGET_MEGABYTES = 300


def square_side(format_name: str) -> int:
    """The side of the largest square image of this format that an upload accepts."""
    return int((media.MAX_MEGAPIXELS[format_name] * 1_000_000) ** 0.5)


def worst_images(folder: Path) -> dict[str, Path]:
    """Files at the pixel limit, small enough to upload, in each format the site reads."""
    shapes = {
        "PNG, RGBA, flat": ("PNG", "RGBA", (square_side("PNG"),) * 2),
        "JPEG, gradient": ("JPEG", "RGB", (square_side("JPEG"),) * 2),
        "WebP, alpha": ("WEBP", "RGBA", (square_side("WEBP"),) * 2),
        "GIF, flat": ("GIF", "P", (square_side("GIF"),) * 2),
        "PNG, strip": ("PNG", "RGB", (media.MAX_MEGAPIXELS["PNG"] * 1_000_000 // 3, 3)),
    }
    files = {}
    for name, (format_name, mode, size) in shapes.items():
        picture = Image.linear_gradient("L").resize(size).convert(mode)
        path = folder / f"{name.split(',')[0]}-{len(files)}.{format_name.lower()}"
        picture.save(path, format_name)
        files[name] = path
    return files


def cost_of(path: Path | None) -> tuple[float, float]:
    """CPU seconds and peak megabytes of a process that stores the image (or, with None,
    starts and does nothing else), as that process reports them when done."""
    command = [sys.executable, "-m", "bench.image_upload", str(path or "")]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    seconds, megabytes = done.stdout.split()
    return float(seconds), float(megabytes)


def store_one(path: str) -> None:
    """In the child: an app on a throw-away SQLite database stores the file (or nothing)."""
    from blog import create_app
    from blog.extensions import db

    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite3",
                "MEDIA_DIR": f"{folder}/media",
                "SECRET_KEY": "bench",
            }
        )
        with app.app_context():
            db.create_all()
            if path:
                media.store_image(io.BytesIO(Path(path).read_bytes()), None)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(usage.ru_utime + usage.ru_stime, peak_megabytes())


def peak_megabytes() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, it does not carry the
    peak of the process that started this one)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        files = worst_images(Path(folder))
        idle_seconds, idle_megabytes = cost_of(None)
        limits = ", ".join(f"{name} {mp}" for name, mp in media.MAX_MEGAPIXELS.items())
        print(
            f"Image uploads at the megapixel limits ({limits}), one process each, beyond what"
            f" an idle one takes ({idle_seconds:.2f} s, {idle_megabytes:.0f} MB):"
        )
        worst_seconds = worst_megabytes = 0.0
        for name, path in files.items():
            seconds, megabytes = cost_of(path)
            seconds, megabytes = seconds - idle_seconds, megabytes - idle_megabytes
            worst_seconds = max(worst_seconds, seconds)
            worst_megabytes = max(worst_megabytes, megabytes)
            size = path.stat().st_size / 1024
            print(f"  {name:<16} {size:>8.0f} KB file {seconds:6.2f} s CPU {megabytes:6.0f} MB")
    verdict = (
        "within"
        if worst_seconds <= TARGET_SECONDS and worst_megabytes <= TARGET_MEGABYTES
        else "OVER"
    )
    print(
        f"Worst: {worst_seconds:.2f} s CPU and {worst_megabytes:.0f} MB, {verdict} the target"
        f" of {TARGET_SECONDS:g} s and {TARGET_MEGABYTES} MB"
    )


if __name__ == "__main__":
    store_one(sys.argv[1])
