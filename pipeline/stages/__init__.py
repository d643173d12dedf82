"""Stages that live in the pipeline package (graph/ and filters/ hold the others)."""
