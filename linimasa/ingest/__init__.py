"""Readers: files and folders in, articles (or reasoned rejections) out."""

from .readers import INPUT_SUFFIXES, Ignored, discover, read_inputs, read_path

__all__ = ["INPUT_SUFFIXES", "Ignored", "discover", "read_inputs", "read_path"]
