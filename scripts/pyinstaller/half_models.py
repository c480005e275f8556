"""The PP-OCR models of the scan-reading edition with their weights stored at half precision.

Each float32 weight tensor is stored as float16 and followed by a Cast back to float32. ONNX
Runtime folds those casts once, when it loads the model (constant folding; RapidOCR asks for
ORT_ENABLE_ALL), so the network still computes in float32, on weights rounded to 11 significant
bits: the files are half as large and reading runs as fast. Tensors that
float16 cannot hold (beyond its range, or tiny constants such as epsilons) stay float32.
Needs the ``onnx`` package at build time only (the [ocr] extra); the app never imports it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

MIN_ELEMENTS = 16  # smaller tensors (scales, epsilons, shapes) are not worth rounding
FLOAT16_MAX = 65504.0


def halve(src: Path, dst: Path) -> Path:
    """Write ``src`` with half-precision weights to ``dst`` (skipped while ``dst`` is newer)."""
    if dst.is_file() and dst.stat().st_mtime >= src.stat().st_mtime:
        return dst
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(src)
    graph = model.graph
    inputs = {value.name for value in graph.input}  # old models list weights as inputs too
    tensors, casts = [], []
    for tensor in graph.initializer:
        weights = numpy_helper.to_array(tensor)
        if not _fits(tensor, weights, inputs, TensorProto.FLOAT, np):
            tensors.append(tensor)
            continue
        half = numpy_helper.from_array(weights.astype(np.float16), f"{tensor.name}.float16")
        tensors.append(half)
        casts.append(helper.make_node("Cast", [half.name], [tensor.name], to=TensorProto.FLOAT))
    graph.ClearField("initializer")
    graph.initializer.extend(tensors)
    nodes = [*casts, *graph.node]
    graph.ClearField("node")
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    dst.parent.mkdir(parents=True, exist_ok=True)
    partial = dst.with_suffix(".partial")
    onnx.save(model, partial)
    shutil.move(partial, dst)
    return dst


def _fits(tensor, weights, inputs: set[str], float32: int, np) -> bool:
    """A float32 weight tensor that float16 holds without overflow."""
    if tensor.data_type != float32 or tensor.name in inputs or weights.size < MIN_ELEMENTS:
        return False
    return bool(np.all(np.abs(weights) <= FLOAT16_MAX))
