"""Byte-identical Pagefind filter files: Pagefind writes each filter's values in hash-map order (its own TODO:
"Change filter indexes to BTree to give them a stable hash"), so two builds of the same site differ in the filter
files, their names and the language's metadata file that lists them. This sorts them after Pagefind ran and
renames what it must (filter files, metadata file, the entry's hash), so the same commit builds the same bytes.

Pagefind files are gzip(b"pagefind_dcd" + CBOR); the CBOR is re-encoded only if decoding and encoding the
original gives the original bytes back, so a format this module does not know is left untouched.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def _decode(data: bytes, i: int = 0):
    head = data[i]
    major, info = head >> 5, head & 31
    i += 1
    if info < 24:
        n = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        n, i = int.from_bytes(data[i:i + size], "big"), i + size
    else:
        raise ValueError(f"CBOR: unsupported additional info {info}")
    if major == 0:
        return n, i
    if major == 1:
        return -1 - n, i
    if major in (2, 3):
        raw = data[i:i + n]
        return (raw.decode("utf-8") if major == 3 else raw), i + n
    if major == 4:
        out = []
        for _ in range(n):
            value, i = _decode(data, i)
            out.append(value)
        return out, i
    raise ValueError(f"CBOR: unsupported major type {major}")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError("CBOR: integer too large")


def _encode(value) -> bytes:
    if isinstance(value, bool) or value is None:
        raise ValueError("CBOR: simple values are not expected here")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(item) for item in value)
    raise ValueError(f"CBOR: cannot encode {type(value).__name__}")


def _read(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind file")
    body = raw[len(SIGNATURE):]
    value, end = _decode(body)
    if end != len(body) or _encode(value) != body:
        raise ValueError(f"{path.name}: unknown encoding")
    return value


def _write(path: Path, value) -> str:
    body = _encode(value)
    path.write_bytes(gzip.compress(SIGNATURE + body, 9, mtime=0))
    return hashlib.sha256(body).hexdigest()


def stabilise(bundle: Path) -> None:
    """Sort every language's filter values and filter list; rename the files whose content changed."""
    entry_file = bundle / "pagefind-entry.json"
    if not entry_file.is_file():
        return
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for lang, info in entry.get("languages", {}).items():
        meta_file = bundle / f"pagefind.{info['hash']}.pf_meta"
        try:  # read and check everything first: nothing is renamed unless every file is understood
            meta = _read(meta_file)
            filters = meta[3]  # MetaIndex: version, pages, index chunks, filters [[name, hash]], sorts
            indexes = [(name, bundle / "filter" / f"{old}.pf_filter") for name, old in filters]
            indexes = [(name, path, _read(path)) for name, path in indexes]
        except (ValueError, IndexError, TypeError, OSError):
            continue  # a Pagefind version with another layout: leave its files as they are
        renamed = []
        for name, path, index in indexes:
            index[1] = sorted(index[1], key=lambda packed: packed[0])  # FilterIndex: [name, [[value, pages]]]
            path.unlink()
            temp = path.with_suffix(".tmp")
            new_hash = f"{lang}_{_write(temp, index)[:7]}"
            temp.rename(path.with_name(f"{new_hash}.pf_filter"))
            renamed.append([name, new_hash])
        meta[3] = sorted(renamed)
        meta_file.unlink()
        temp = meta_file.with_suffix(".tmp")
        info["hash"] = f"{lang}_{_write(temp, meta)[:10]}"
        temp.rename(bundle / f"pagefind.{info['hash']}.pf_meta")
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                          encoding="utf-8")
