"""Readers: files and folders in, articles (or reasoned rejections) out."""

from .discover import INPUT_SUFFIXES, Ignored, discover
from .readers import read_inputs, read_path

__all__ = ["INPUT_SUFFIXES", "Ignored", "discover", "read_inputs", "read_path"]
